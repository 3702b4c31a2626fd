#!/usr/bin/env node
// The floor of bench/compare-ssg.mjs: the libraries bantin is built on, in the plainest loop, for
// the article pages alone. Per article: read the file, gray-matter, markdown-it, one small Nunjucks
// template (autoescaped), write DIR/out/<name>/index.html. One thread, no listings, feeds, search,
// dates or links. No build of the full site with these libraries can take less CPU than this.
//
//   node bench/compare-ssg/floor.mjs DIR   (articles in DIR/content/)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import nunjucks from 'nunjucks';

const dir = process.argv[2];
const md = new MarkdownIt();
const env = new nunjucks.Environment(null, { autoescape: true });
const page = nunjucks.compile('<!doctype html><html lang="vi"><meta charset="utf-8"><title>{{ title }}</title>'
  + '<h1>{{ title }}</h1><p>{{ author }}, {{ date }}</p>{{ body | safe }}</html>', env);
const content = join(dir, 'content');
for (const name of readdirSync(content)) {
  if (!name.endsWith('.md')) continue;
  const { data, content: body } = matter(readFileSync(join(content, name), 'utf8'));
  const folder = join(dir, 'out', basename(name, '.md'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), page.render({ title: data.title, author: data.author, date: String(data.date), body: md.render(body) }));
}
