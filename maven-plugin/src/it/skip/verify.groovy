// A skipped goal says why at info and writes nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping Flowfront generate: flowfront.skip is true.')
assert !new File(basedir, 'target/flowfront/site').exists()
