import { useCallback, useState } from 'react';
import { useClient, useQuery, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';

interface Page<Node> {
  nodes: Node[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * A keyset-paged list: the first page through urql (cached, re-read on demand), later pages appended by "Load more".
 * New variables (filters) start again from the first page.
 */
export function usePagedQuery<Data, Variables extends AnyVariables & { after?: string | null }, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  page: (data: Data) => Page<Node>,
  pause = false,
) {
  const client = useClient();
  const [{ data, fetching, error }, reexecute] = useQuery({ query, variables, pause });
  const [more, setMore] = useState<{ for: Data | undefined; nodes: Node[]; next: Page<Node> | null }>({
    for: undefined,
    nodes: [],
    next: null,
  });
  const [loading, setLoading] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  const first = data ? page(data) : null;
  // Pages loaded after an older first page belong to other filters: drop them.
  const extra = more.for === data ? more : { for: data, nodes: [], next: null };
  const last = extra.next ?? first;

  const loadMore = useCallback(async () => {
    if (!last?.hasNextPage) return;
    setLoading(true);
    const result = await client.query(query, { ...variables, after: last.endCursor }).toPromise();
    setLoading(false);
    setMoreError(result.error ?? null);
    if (result.data) {
      const next = page(result.data);
      setMore({ for: data, nodes: [...extra.nodes, ...next.nodes], next });
    }
  }, [client, query, variables, last, page, data, extra.nodes]);

  return {
    nodes: [...(first?.nodes ?? []), ...extra.nodes],
    hasData: !!data,
    fetching,
    error: error ?? null,
    hasNextPage: !!last?.hasNextPage,
    loadMore,
    loadingMore: loading,
    moreError,
    reread: useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]),
  };
}
