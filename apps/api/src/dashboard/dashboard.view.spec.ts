import { localPath } from './dashboard.view';

describe('localPath (where the sign-in page sends a person afterwards)', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(localPath('/dashboard/campaigns/1f0c?lang=en#means')).toBe('/dashboard/campaigns/1f0c?lang=en#means');
    expect(localPath('/api/auth/me')).toBe('/api/auth/me');
  });

  it.each([
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash the URL parser reads as a slash', '/\\evil.example/'],
    ['a tab the URL parser drops', '/\t/evil.example/'],
    ['a newline the URL parser drops', '/\n/evil.example/'],
    ['a dot segment that leaves a double slash', '/.//evil.example/'],
    ['an absolute URL', 'https://evil.example/'],
    ['a script URL', 'javascript:alert(1)'],
    ['a host that does not parse', '//['],
    ['nothing', undefined],
    ['a repeated parameter', ['/a', '/b']],
  ])('sends %s to the dashboard instead', (_case, next) => {
    expect(localPath(next)).toBe('/dashboard');
  });
});
