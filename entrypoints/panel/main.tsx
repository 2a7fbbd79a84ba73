import '../../src/panel/panel.css';
import { startFrame } from '../../src/panel/frame';

// The panel inside its frame on portal pages (src/panel/frame.tsx); wiring only.
startFrame(document.getElementById('panel')!);
