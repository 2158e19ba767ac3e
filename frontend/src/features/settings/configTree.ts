// The configuration sections shown in the left-hand tree (with the fieldsets a search should find), and its quick-search filter.
// Only sections the console has are listed: Oro's other sections (Localization, Google Settings, ...) are left out.
export type TreeNode = { id: string; label: string; children?: TreeNode[] };

export const CONFIG_TREE: TreeNode[] = [
  {
    id: 'general',
    label: 'General Setup',
    children: [
      {
        id: 'email',
        label: 'Email Configuration',
        children: [{ id: 'sync', label: 'Email Synchronization Settings' }],
      },
    ],
  },
  {
    id: 'integrations',
    label: 'Integrations',
    children: [{ id: 'microsoft', label: 'Microsoft Settings' }],
  },
];

export const DEFAULT_SECTION = { group: 'integrations', section: 'microsoft' };

export function sectionPath(group: string, section: string): string {
  return `/system/config/${group}/${section}`;
}

export function findSection(group: string | undefined, section: string | undefined): TreeNode | undefined {
  return CONFIG_TREE.find((g) => g.id === group)?.children?.find((s) => s.id === section);
}

/** Keeps nodes whose label contains the query (case-insensitive) with all their children, and their ancestors. */
export function filterTree(nodes: readonly TreeNode[], query: string): TreeNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...nodes];
  return nodes.flatMap((node) => {
    if (node.label.toLowerCase().includes(q)) return [node];
    const children = filterTree(node.children ?? [], q);
    return children.length ? [{ ...node, children }] : [];
  });
}
