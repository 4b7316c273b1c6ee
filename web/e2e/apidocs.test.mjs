// The API reference (/scalar) works under its own Content-Security-Policy: Scalar's inline start-up script runs
// by the nonce of its answer, and nothing else inline does.
import { assert, baseUrl, pageTest, screenshot, viewports } from './support.mjs';

pageTest('the API reference renders under its content security policy', async ({ page }) => {
  // Scalar's fonts come from its CDN, which the test machine may not reach: answered empty, the page uses its fallbacks.
  await page.route((url) => !url.href.startsWith(baseUrl), (route) => route.fulfill({ status: 200, contentType: 'font/woff2', body: '' }));
  const response = await page.goto('/scalar/v1');
  const policy = response.headers()['content-security-policy'] ?? '';
  assert.match(policy, /script-src 'self' 'nonce-[^' ]+'/, policy);
  for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  await page.getByText('/api/v1/auth/signup').first().waitFor();
  await screenshot(page, 'api-reference');
}, { viewportsToRun: [viewports[0]] });
