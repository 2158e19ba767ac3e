// A row of counted tiles (mailboxes by state, push by state), each a number with its label.
type Tile = { key: string; label: string; tone: string };

export function Tiles<T extends Tile>({
  label,
  tiles,
  counts,
}: {
  label: string;
  tiles: readonly T[];
  counts: Record<T['key'], number>;
}) {
  return (
    <ul className="dashboard-tiles" aria-label={label}>
      {tiles.map((tile) => {
        const count = counts[tile.key as T['key']];
        return (
          <li key={tile.key} className={`dashboard-tile tone-${count > 0 ? tile.tone : 'muted'}`}>
            <span className="dashboard-count">{count}</span>
            <span className="dashboard-label">{tile.label}</span>
          </li>
        );
      })}
    </ul>
  );
}
