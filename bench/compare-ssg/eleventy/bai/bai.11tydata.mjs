// Every article: the article layout, at /bai/NNNNN/ like Hugo's copy of the site.
export default {
  layout: 'article.njk',
  permalink: (data) => `/bai/${data.page.fileSlug}/`,
};
