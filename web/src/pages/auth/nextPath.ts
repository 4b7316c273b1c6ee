/** Where to go after signing in: the ?next= path when it is a local one, else the data sets. */
export function nextPath(search: URLSearchParams): string {
  const next = search.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/datasets';
}
