// Shared by the failing invoker projects: the build failed, and build.log names every string in expected-in-log.txt
// (the export file, the field, the bad value). Each project's verify.groovy evaluates this file.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE') : 'the build was expected to fail'
new File(basedir, 'expected-in-log.txt').eachLine { line ->
    if (line.trim() && !line.startsWith('#')) {
        assert log.contains(line.trim()) : "build.log does not mention: ${line.trim()}"
    }
}
return true
