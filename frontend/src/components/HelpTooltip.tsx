// The small "?" icon next to a field label that reveals help text on hover or focus.
type Props = { id: string; text: string };

export function HelpTooltip({ id, text }: Props) {
  return (
    <span className="help">
      <button type="button" className="help-icon" aria-label="More information" aria-describedby={id}>
        ?
      </button>
      <span role="tooltip" id={id} className="help-text">
        {text}
      </span>
    </span>
  );
}
