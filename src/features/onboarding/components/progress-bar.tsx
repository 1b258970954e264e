/** The onboarding progress bar (server or client). */
export function ProgressBar({ done, total, percent, label, text }: { done: number; total: number; percent: number; label: string; text: string }) {
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        data-testid="onboarding-progress"
        data-percent={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-gray-200"
      >
        <div className={`h-full ${percent === 100 ? "bg-green-600" : "bg-brand"}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-gray-700" data-testid="onboarding-progress-text">
        {text}
      </p>
    </div>
  );
}
