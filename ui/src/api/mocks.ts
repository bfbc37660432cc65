// Tauri's IPC mocks, for tests only: re-exported here so that the api layer stays the one
// place that imports @tauri-apps/* (the test helpers in src/test/ import from this file).
export { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
