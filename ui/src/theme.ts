import type { ThemeConfig } from 'antd';

/**
 * System fonts only (nothing is downloaded): Latin UI fonts first, then the CJK fonts of
 * Windows (Microsoft YaHei), macOS (PingFang SC), and Linux / UOS / Kylin (Noto Sans CJK SC,
 * WenQuanYi Micro Hei). Keep in sync with `index.css` (a test checks it).
 */
export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1677ff',
    borderRadius: 6,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
    },
  },
};
