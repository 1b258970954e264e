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
    return { width, scrollWidth: document.documentElement.scrollWidth };
  });
  expect(overflow.scrollWidth, `${label}: page ${overflow.scrollWidth}px wide in a ${overflow.width}px viewport`).toBeLessThanOrEqual(overflow.width);
}

/** Where the suite leaves screenshots for review (git-ignored, with test-results/). */
export const screenshotDir = path.resolve(import.meta.dirname, "../../../test-results/screenshots");

export async function saveScreenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
