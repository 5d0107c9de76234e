/** The administrator's personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the register of
 * people's requests about their data, and removing a finished campaign's names and numbers. */
import type { CampaignView } from "../api/bindings";
import { PurgePanel } from "../components/PurgePanel";
import { RequestsPanel } from "../components/RequestsPanel";
import { useLang } from "../i18n";

interface Props {
  /** Every campaign (an administrator's list). */
  campaigns: readonly CampaignView[];
  /** Today by the app's clock, `yyyy-mm-dd` (AppInfo.today). */
  today: string | null;
  report: (e: unknown) => void;
  clearError: () => void;
}

export function Privacy({ campaigns, today, report, clearError }: Props) {
  const { t } = useLang();
  return (
    <main className="privacy" data-testid="privacy-screen">
      <div>
        <h1 className="screen-title">{t("privacy.title")}</h1>
        <p className="muted">{t("privacy.intro")}</p>
      </div>
      <RequestsPanel today={today} report={report} clearError={clearError} />
      <PurgePanel campaigns={campaigns} clearError={clearError} />
    </main>
  );
}
