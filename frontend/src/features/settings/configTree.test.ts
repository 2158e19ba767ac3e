// Tests the quick-search filter of the configuration tree, down to the fieldsets inside a section.
import { describe, expect, it } from 'vitest';
import { CONFIG_TREE, filterTree, findSection, type TreeNode } from './configTree';
import { SECTION_IDS } from './sections';

const labels = (nodes: TreeNode[]) => nodes.map((n) => [n.label, (n.children ?? []).map((c) => c.label)]);

describe('filterTree', () => {
  it('returns the whole tree for an empty or blank query', () => {
    expect(filterTree(CONFIG_TREE, '')).toEqual(CONFIG_TREE);
    expect(filterTree(CONFIG_TREE, '   ')).toEqual(CONFIG_TREE);
  });

  it('keeps matching sections with their group, case-insensitively', () => {
    expect(labels(filterTree(CONFIG_TREE, 'MICROSOFT'))).toEqual([['Integrations', ['Microsoft Settings']]]);
  });

  it('keeps every matching section across groups', () => {
    expect(labels(filterTree(CONFIG_TREE, 'e'))).toEqual([
      ['General Setup', ['Email Configuration']],
      ['Integrations', ['Microsoft Settings']],
    ]);
  });

  it('finds a fieldset inside a section, keeping the section and its group', () => {
    const found = filterTree(CONFIG_TREE, 'sync');
    expect(labels(found)).toEqual([['General Setup', ['Email Configuration']]]);
    expect(found[0].children?.[0].children?.map((f) => f.label)).toEqual(['Email Synchronization Settings']);
  });

  it('keeps a whole group whose own label matches', () => {
    expect(labels(filterTree(CONFIG_TREE, 'integr'))).toEqual([['Integrations', ['Microsoft Settings']]]);
  });

  it('returns nothing when nothing matches, without changing the tree', () => {
    expect(filterTree(CONFIG_TREE, 'zzz')).toEqual([]);
    expect(CONFIG_TREE[1].children).toHaveLength(1);
  });
});

describe('CONFIG_TREE', () => {
  it('lists exactly the sections the console has', () => {
    const listed = CONFIG_TREE.flatMap((group) => (group.children ?? []).map((section) => `${group.id}/${section.id}`));
    expect(listed.sort()).toEqual([...SECTION_IDS].sort());
  });
});

describe('findSection', () => {
  it('finds a section by group and id', () => {
    expect(findSection('integrations', 'microsoft')?.label).toBe('Microsoft Settings');
    expect(findSection('general', 'microsoft')).toBeUndefined();
  });
});
