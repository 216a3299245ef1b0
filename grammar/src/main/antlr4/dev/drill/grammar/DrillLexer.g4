// Tokens of the .drill language. Keywords are reserved only where the parser
// expects them: the parser's `name` rule accepts any keyword as a name, so a
// step may be called `restart`, `verify` or `wait`.
lexer grammar DrillLexer;

// Keywords, alphabetical.
AFTER       : 'after';
ALERT       : 'alert';
ALL         : 'all';
AND         : 'and';
ANY         : 'any';
ABORT       : 'abort';
ASK         : 'ask';
AT          : 'at';
BACKGROUND  : 'background';
BETWEEN     : 'between';
BODY        : 'body';
BY          : 'by';
CADENCE     : 'cadence';
CHECK       : 'check';
COMMAND     : 'command';
COMMS       : 'comms';
CONTAINS    : 'contains';
COUNT       : 'count';
DEBRIEF     : 'debrief';
DEFAULT     : 'default';
DETECT      : 'detect';
DRILL       : 'drill';
ENV         : 'env';
ENVIRONMENT : 'environment';
EQUALS      : 'equals';
EVERY       : 'every';
EXIT        : 'exit';
EXPECT      : 'expect';
FOR         : 'for';
FROM        : 'from';
GUIDE       : 'guide';
HEADER      : 'header';
HTTP        : 'http';
IMPORT      : 'import';
IN          : 'in';
INJECT      : 'inject';
JSON        : 'json';
KIND        : 'kind';
LOG         : 'log';
MANUAL      : 'manual';
MATCHES     : 'matches';
NOTIFY      : 'notify';
OUTPUT      : 'output';
OWNER       : 'owner';
PARAM       : 'param';
PROMETHEUS  : 'prometheus';
QUERY       : 'query';
RECOVER     : 'recover';
RERUN       : 'rerun';
ROLES       : 'roles';
RUN         : 'run';
SECRET      : 'secret';
SETUP       : 'setup';
SIGNAL      : 'signal';
STATUS      : 'status';
STEADY      : 'steady';
STEP        : 'step';
SUMMARY     : 'summary';
TAGS        : 'tags';
TEARDOWN    : 'teardown';
TEMPLATE    : 'template';
TIMEBOX     : 'timebox';
TIMEOUT     : 'timeout';
TITLE       : 'title';
UNDO        : 'undo';
UPDATE      : 'update';
VERIFY      : 'verify';
WAIT        : 'wait';
WHEN        : 'when';
WITHIN      : 'within';

LBRACE : '{';
RBRACE : '}';
LPAREN : '(';
RPAREN : ')';
COMMA  : ',';
ASSIGN : '=';
EQ     : '==';
NE     : '!=';
LE     : '<=';
GE     : '>=';
LT     : '<';
GT     : '>';

// One or more number-unit pairs, largest unit first by convention: 90s, 5m, 1h30m, 14d.
DURATION : (DIGITS DURATION_UNIT)+;
// A number glued to letters that are not a duration unit, e.g. `5x` or `10sec`.
BAD_DURATION : DIGITS [a-zA-Z] [a-zA-Z0-9]*;
NUMBER : '-'? DIGITS ('.' DIGITS)?;

NAME : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)*;

BLOCK_STRING : '"""' .*? '"""';
// No closing delimiter anywhere after the opening one (else BLOCK_STRING matches).
UNTERMINATED_BLOCK_STRING : '"""' (~'"' | '"' ~'"' | '""' ~'"')* '"'? '"'? EOF;
STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';
// A string that reaches the end of its line: reported, then treated as a string.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'?;

LINE_COMMENT : ('#' | '//') ~[\r\n]* -> channel(HIDDEN);
WS : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN);

// Anything else: reported by the compiler as an unexpected character.
UNEXPECTED_CHAR : .;

fragment DIGITS : [0-9]+;
fragment DURATION_UNIT : 'ms' | 's' | 'm' | 'h' | 'd' | 'w';
