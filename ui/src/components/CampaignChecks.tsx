/** The campaigns a person works, as a box per campaign (adding a person, assigning campaigns):
 * checking or unchecking one changes `codes`; Enter in a box submits its form. */
import type { Ref } from "react";
import type { CampaignView } from "../api/bindings";
import { useLang } from "../i18n";
import { enterSubmits } from "./dialogs";

interface Props {
  campaigns: readonly CampaignView[];
  codes: readonly string[];
  onChange: (codes: string[]) => void;
  /** The boxes' test ids are `${testIdPrefix}-${code}`. */
  testIdPrefix: string;
  /** The legend is read out only, where the dialog's text already names the campaigns. */
  legendHidden?: boolean;
  /** Given the first box, to focus it. */
  firstRef?: Ref<HTMLInputElement>;
}

export function CampaignChecks({ campaigns, codes, onChange, testIdPrefix, legendHidden, firstRef }: Props) {
  const { t } = useLang();
  return (
    <fieldset className="choice-group person-campaigns">
      <legend className={legendHidden ? "sr-only" : "field-label"}>{t("person.campaigns")}</legend>
      {campaigns.length === 0 && <p className="muted">{t("person.noCampaigns")}</p>}
      {campaigns.map((c, i) => (
        <label key={c.id} className="check">
          <input
            ref={i === 0 ? firstRef : undefined}
            type="checkbox"
            data-testid={`${testIdPrefix}-${c.code}`}
            checked={codes.includes(c.code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...codes, c.code] : codes.filter((code) => code !== c.code))
            }
            onKeyDown={enterSubmits}
          />
          <span>
            {c.code} — {c.name}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
