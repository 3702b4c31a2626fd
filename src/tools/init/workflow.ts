// The new site's `.github/workflows/publish.yml`: build on every push and every hour, keep the build
// cache between runs, deploy to GitHub Pages.
import { DEFAULT_BASE_URL } from './questions.js';

/**
 * The build cache (.bantin/) is only good for the same bantin, dependencies and templates, so its
 * key holds all three; each run saves a new entry (keys are immutable) and restores the newest by
 * prefix. dist/ goes in the same entry: the cache records the output it made, so with the output
 * restored beside it a commit writes only its changed pages (bench/publish-loop.mjs measures this).
 */
export function publishWorkflow(baseUrl: string): string {
  // A base URL given to `bantin init` is in bantin.yaml; otherwise the Pages address is worked out.
  const fallback = baseUrl === DEFAULT_BASE_URL
    ? `          repo="\${REPO:-\${GITHUB_REPOSITORY#*/}}"
          owner="\${OWNER,,}"
          if [ -n "$BASE_URL" ]; then base="$BASE_URL"
          elif [ "\${repo,,}" = "$owner.github.io" ]; then base="https://$owner.github.io/"
          else base="https://$owner.github.io/$repo/"
          fi
          echo "Publishing at $base"
          npm run build -- --base-url "$base"`
    : `          if [ -n "$BASE_URL" ]; then npm run build -- --base-url "$BASE_URL"; else npm run build; fi`;
  return `# Xây dựng cổng và đăng lên GitHub Pages mỗi khi có thay đổi trên nhánh main, và mỗi giờ một lần
# (để bài hẹn giờ đăng xuất hiện đúng giờ).
# Builds the portal and publishes it on GitHub Pages on every push to main and every hour.
# Cài đặt một lần / one-time set-up: Settings → Pages → Source: "GitHub Actions".
# Tên miền riêng: đặt biến BASE_URL (Settings → Secrets and variables → Actions → Variables),
# ví dụ https://anhoa.gov.vn/
name: Publish

on:
  push:
    branches: [main]
  schedule:
    - cron: '17 * * * *'
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer run waits rather than cancelling one half-way.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version: 20
      # npm ci needs package-lock.json (commit it after the first npm install); npm install otherwise.
      - run: if [ -f package-lock.json ]; then npm ci; else npm install; fi
      # The build cache and the last output: a commit then renders only the pages it changed. Its key
      # holds bantin's version, the lockfile (markdown-it and the rest) and the theme, so an upgrade or
      # a theme edit starts clean; an entry from another commit or branch is judged by content.
      - id: bantin
        name: Theme and version
        run: echo "key=bantin-$(npx bantin version | cut -d' ' -f2)-\${{ hashFiles('package-lock.json', 'templates/**') }}" >> "$GITHUB_OUTPUT"
      - uses: actions/cache@v4
        with:
          path: |
            .bantin/
            dist/
          key: \${{ steps.bantin.outputs.key }}-\${{ github.run_id }}
          restore-keys: \${{ steps.bantin.outputs.key }}-
      - name: Build
        env:
          BASE_URL: \${{ vars.BASE_URL }}
          OWNER: \${{ github.repository_owner }}
          # Scheduled runs have carried no repository in their event on some GitHub versions:
          # fall back to the name in GITHUB_REPOSITORY (owner/name).
          REPO: \${{ github.event.repository.name }}
        run: |
${fallback}
      - uses: actions/upload-pages-artifact@v4
        with:
          path: dist/

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}
