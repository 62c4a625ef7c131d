// The build must fail at the app's flowId with the flow it looked for.
def log = new File(basedir, 'build.log').text
assert log.contains('src/main/apps/hello.yaml:4:9:')
assert log.contains('no_such_flow')
assert !new File(basedir, 'target/flowfront/site').exists()
