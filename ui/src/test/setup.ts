import '@ant-design/v5-patch-for-react-19';
import '@testing-library/jest-dom/vitest';
import { clearMocks } from '../api/mocks';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import i18n from '../i18n';

// Rendering the whole shell with antd in jsdom takes seconds on a busy 2-core machine; the
// default 1 s of findBy/waitFor made tests fail by load alone.
configure({ asyncUtilTimeout: 10_000 });

// antd's responsive utilities (Grid, Sider breakpoints) need matchMedia, which jsdom lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// jsdom does not implement getComputedStyle for pseudo-elements (antd measures the scrollbar
// with one) and logs "Not implemented" for it; ignore the pseudo-element argument.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => getComputedStyle(elt);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('zh-CN');
});

afterEach(() => {
  cleanup();
  clearMocks();
  window.location.hash = '';
});
