/** Why an interview was returned, as the review and the operator's returned interviews show it. */
import { useLang } from "../i18n";

interface Props {
  reason: string | null;
  testId: string;
}

export function ReturnReason({ reason, testId }: Props) {
  const { t } = useLang();
  if (!reason) return null;
  return (
    <p className="review-reason" data-testid={testId}>
      {t("rv.returnedBecause", { reason })}
    </p>
  );
}
