import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadConsoleConfig } from './auth/console-config';
import { StartupError } from './auth/StartupError';

const root = createRoot(document.getElementById('root')!);
loadConsoleConfig().then(
  (config) => root.render(<App config={config} />),
  (error: Error) => root.render(<StartupError message={error.message} />),
);
