// Writes snippet/pom.xml from the README's "Using it in your project" block, unchanged but for its "..." line,
// inside the coordinates a new project would have: the IT builds exactly what a new user copies. docs/migration.md
// shows the same block.
def readme = new File(srcIt, '../README.md').text
def section = readme.substring(readme.indexOf('## Using it in your project'))
def block = section =~ /(?s)```xml\n(.*?)```/
assert block.find() : 'README.md has no xml block under "## Using it in your project"'
def migration = new File(srcIt, '../docs/migration.md').text
assert migration.contains(block.group(0)) : "docs/migration.md must show the README's snippet unchanged"
def snippet = block.group(1).readLines().findAll { it.trim() != '...' }.join('\n')
// Stale versions in the README would build against whatever an old local repository holds: say so plainly.
assert snippet.count("<version>${projectVersion}</version>") == 2 : "the README's snippet must name Hookstead ${projectVersion}"
assert snippet.contains("<artifactId>slf4j-simple</artifactId>\n    <version>${slf4jVersion}</version>") :
        "the README's slf4j-simple must match the slf4j-api the filter brings (${slf4jVersion})"
new File(basedir, 'snippet/pom.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
<modelVersion>4.0.0</modelVersion>
<groupId>com.example</groupId>
<artifactId>first-hour</artifactId>
<version>1.0</version>
${snippet}
</project>
"""
return true
