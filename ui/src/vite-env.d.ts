/// <reference types="vite/client" />

/** The UI package version, injected by Vite from package.json. */
declare const __UI_VERSION__: string;
