/**
 * How the request dialog's ALTCHA widget runs (shared with tests/bench/captcha-bench.ts,
 * which measures exactly this). The work starts when the widget mounts, i.e.
 * when the dialog opens (`auto="onload"`), not when the box is ticked.
 */
export const CAPTCHA_AUTO = "onload";
/** Widget options: no artificial minimum duration (the default adds up to 500 ms to a fast solve). */
export const CAPTCHA_WIDGET_CONFIGURATION = { minDuration: 0 };
/** Typical solving time on a desktop (docs/decisions/0016): scales the progress bar's estimate. */
export const CAPTCHA_TYPICAL_MS = 1000;
