import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG 2.2 AA rule set (axe tags), as the accessibility tests check it. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Runs axe-core on the page as it is now (an open dialog included) and fails on any serious or
 * critical violation, naming the rule and the elements.
 */
export async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Widest element box vs the viewport: a page must not scroll sideways (content in its own scroll box is fine). */
export async function expectNoHorizontalOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The outermost elements reaching past the right edge, to name in the message.
    const past = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    const outermost = past.filter((el) => !past.includes(el.parentElement!)).slice(0, 5);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : ""}.${[...el.classList].slice(0, 4).join(".")} (right ${Math.round(el.getBoundingClientRect().right)}px)`;
    return { width, scrollWidth: document.documentElement.scrollWidth, culprits: outermost.map(describe) };
  });
  expect(
    overflow.scrollWidth,
    `${label}: page ${overflow.scrollWidth}px wide in a ${overflow.width}px viewport; past the edge: ${overflow.culprits.join(", ")}`,
  ).toBeLessThanOrEqual(overflow.width);
}

/** Where the suite leaves screenshots for review (git-ignored, with test-results/). */
export const screenshotDir = path.resolve(import.meta.dirname, "../../../test-results/screenshots");

export async function saveScreenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Every column header of every table on the page sits on one line (a squeezed table wraps them a character per line). */
export async function expectColumnHeadersOnOneLine(page: Page, label: string) {
  const wrapped = await page.evaluate(() =>
    [...document.querySelectorAll("table thead th")]
      .filter((th) => {
        // The visible text only: screen-reader-only text sits in a 1 px box and always wraps.
        const tops = new Set<number>();
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent?.trim() || n.parentElement?.closest(".sr-only")) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) tops.add(Math.round(r.top));
        }
        // Parts of one line (a label and its arrow) may sit a pixel or two apart.
        const sorted = [...tops].sort((a, b) => a - b);
        return sorted.length > 1 && sorted[sorted.length - 1] - sorted[0] > 8;
      })
      .map((th) => (th.textContent ?? "").trim()),
  );
  expect(wrapped, `${label}: column headers wrapped over several lines`).toEqual([]);
}
