import { defineConfig, searchForWorkspaceRoot } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

// The UI is served by Tauri from a custom protocol (tauri://localhost on Linux and macOS,
// http://tauri.localhost on Windows): relative asset paths and hash routing keep it working
// without a web server. Nothing is loaded from the network at run time.
export default defineConfig({
  base: './',
  plugins: [react()],
  clearScreen: false,
  define: {
    __UI_VERSION__: JSON.stringify(pkg.version),
  },
  server: {
    port: 1420,
    strictPort: true,
    host: process.env.TAURI_DEV_HOST || false,
    watch: { ignored: ['**/src-tauri/**'] },
    // The region and country data live in ../assets/regions/ (shared with the Rust core)
    // and are imported at build time; the dev server must be allowed to read them.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), '../assets/regions'] },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    // WebKitGTK 2.50 (Linux), WKWebView (macOS) and WebView2 (Windows, evergreen Chromium).
    target: ['safari16', 'chrome105'],
    sourcemap: false,
    // Served from the local disk, so chunk size only affects parse time; antd alone is ~1 MB.
    chunkSizeWarningLimit: 1500,
  },
});
