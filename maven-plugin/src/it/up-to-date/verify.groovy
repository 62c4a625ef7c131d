// The first run writes the site; the second, with nothing changed, is skipped.
def site = new File(basedir, 'target/flowfront/site')
assert new File(site, 'apps/company.team/hello/index.html').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping Flowfront generate: no app, flow, namespace file or option changed')
