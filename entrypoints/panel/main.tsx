import panelStyle from '../../src/panel/panel.css?inline';
import { startFrame } from '../../src/panel/frame';

// The panel inside its frame on portal pages (src/panel/frame.tsx); wiring only.
// index.html holds the shell: the loading panel's outline, painted as soon as the frame has loaded,
// before this script arrives. It fills the box the content script gives the frame until the panel says
// its own size (SHELL_SIZE in src/panel/controller.ts). The style sheet comes with this script, not as
// a link in the page: a style sheet link would hold the shell's first paint until it loaded.
const style = document.createElement('style');
style.textContent = panelStyle;
document.head.append(style);
startFrame(document.getElementById('panel')!);
