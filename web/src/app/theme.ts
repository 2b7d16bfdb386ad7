import { Anchor, createTheme, type CSSVariablesResolver } from '@mantine/core';

// Darker shades than the default, and black or white text chosen by the background, so text passes WCAG AA contrast.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.2,
  // Links inside text must not rely on color alone.
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

/** Mantine's dimmed text (gray 6) and error text (red 6) are below AA on white and on striped rows: darker shades. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
