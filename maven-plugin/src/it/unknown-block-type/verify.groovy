// The build must fail with the block's location and the closest valid block type.
def log = new File(basedir, 'build.log').text
assert log.contains('src/main/apps/hello.yaml:8:15:')
assert log.contains("block type 'io.kestra.plugin.ee.apps.core.blocks.Markdwon' is unknown")
assert log.contains("Did you mean 'io.kestra.plugin.ee.apps.core.blocks.Markdown'?")
assert !new File(basedir, 'target/flowfront/site').exists()
