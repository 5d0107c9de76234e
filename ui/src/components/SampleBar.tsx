/** A horizontal bar: the cases drawn (or the completes gathered) for one agency against the sample
 * its rule requires; a tick marks the requirement, anything past it is drawn lighter. */
import { useLang } from "../i18n";

interface Props {
  drawn: number;
  required: number;
  /** What the bar says to a screen reader and on hover; "drawn against the sample" unless given. */
  label?: string;
  testId?: string;
}

export function SampleBar({ drawn, required, label, testId = "sample-bar" }: Props) {
  const { t } = useLang();
  const scale = Math.max(drawn, required, 1);
  const filled = (Math.min(drawn, required) / scale) * 100;
  const over = (Math.max(drawn - required, 0) / scale) * 100;
  const mark = (required / scale) * 100;
  const done = drawn >= required;
  const title = label ?? t("smp.barTitle", { drawn, required });
  return (
    <svg
      className="sample-bar"
      data-testid={testId}
      data-drawn={drawn}
      data-required={required}
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      <rect x="0" y="0" width="100" height="12" rx="2" className="sample-bar-track" />
      <rect x="0" y="0" width={filled} height="12" rx="2" className={done ? "sample-bar-done" : "sample-bar-fill"} />
      {over > 0 && <rect x={mark} y="0" width={over} height="12" className="sample-bar-extra" />}
      {required > 0 && <line x1={mark} x2={mark} y1="0" y2="12" className="sample-bar-mark" vectorEffect="non-scaling-stroke" />}
    </svg>
  );
}
