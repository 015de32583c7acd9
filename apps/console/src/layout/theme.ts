import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * Colours chosen for contrast: text and controls reach WCAG AA (4.5:1) on their backgrounds,
 * and focus is always visible.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1d4f91', contrastText: '#ffffff' },
    secondary: { main: '#0b5f5a', contrastText: '#ffffff' },
    error: { main: '#b3261e' },
    warning: { main: '#8a4b00' },
    success: { main: '#1b6b2f' },
    info: { main: '#1d4f91' },
    background: { default: '#f6f7f9' },
    text: { primary: '#1a1c1e', secondary: '#44474e' },
  },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
  components: {
    ...defaultTheme.components,
    MuiButtonBase: {
      styleOverrides: {
        root: { '&.Mui-focusVisible': { outline: '3px solid #f4b400', outlineOffset: 2 } },
      },
    },
    MuiLink: { styleOverrides: { root: { '&:focus-visible': { outline: '3px solid #f4b400' } } } },
  },
};
