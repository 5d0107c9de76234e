/** The line that says what a supervisor's or administrator's last action did, read out by a
 * screen reader as it changes; nothing while there is nothing to say. */
interface Props {
  text: string | null;
  testId: string;
}

export function StatusMessage({ text, testId }: Props) {
  if (!text) return null;
  return (
    <p className="sup-message" role="status" data-testid={testId}>
      {text}
    </p>
  );
}
