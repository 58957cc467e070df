evaluate(new File(srcIt, 'expect-in-log.groovy'))
