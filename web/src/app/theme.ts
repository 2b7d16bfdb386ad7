import { createTheme } from '@mantine/core';

// Darker primary shades than the default so white-on-blue and blue-on-white text pass WCAG AA contrast.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
