// Syntax of the .drill language (docs/language.md is the reference).
// Newlines are not significant: every statement starts with a keyword, which is
// also where the parser resynchronises after an error. No rule is recursive, so
// no input can nest the parser deeper than a drill's fixed block structure.
parser grammar DrillParser;

options { tokenVocab = DrillLexer; }

// Imports come first; the compiler reports one that follows a template or a drill.
file : (importDecl | template | drill)* EOF;

importDecl : IMPORT text;

// A drill body with compile-time parameters (docs/language.md, "Reuse").
template      : TEMPLATE name LPAREN (templateParam (COMMA templateParam)*)? RPAREN (FROM templateCall)?
                LBRACE drillItem* RBRACE;
templateParam : name (ASSIGN text)?;
templateCall  : name LPAREN (argument (COMMA argument)*)? RPAREN;
argument      : name ASSIGN text;

drill : DRILL name (FROM templateCall)? LBRACE drillItem* RBRACE;

drillItem
    : metadata
    | paramDecl
    | secretDecl
    | rolesBlock
    | setupBlock
    | teardownBlock
    | steadyBlock
    | injectBlock
    | detectBlock
    | recoverBlock
    | commsBlock
    | abortBlock
    | debriefBlock
    ;

metadata
    : TITLE text                     # titleAttr
    | SUMMARY text                   # summaryAttr
    | OWNER text                     # ownerAttr
    | KIND name                      # kindAttr
    | TAGS text (COMMA text)*        # tagsAttr
    | ENVIRONMENT name               # environmentAttr
    | TIMEBOX duration               # timeboxAttr
    | CADENCE duration               # cadenceAttr
    | RERUN duration                 # rerunAttr
    | GUIDE text                     # guideAttr
    ;

// A param's value: given at run time, else its default; `= env "VAR"` reads it from the
// environment first, `default` then supplies the fallback.
paramDecl  : PARAM name (ASSIGN (value=text | ENV env=text (DEFAULT fallback=text)?))? (MATCHES pattern=text)?;
secretDecl : SECRET name ASSIGN ENV env=text (MATCHES pattern=text)?;

rolesBlock : ROLES LBRACE roleDecl* RBRACE;
roleDecl   : name text?;

setupBlock    : SETUP LBRACE action* RBRACE;
teardownBlock : TEARDOWN LBRACE action* RBRACE;

steadyBlock : STEADY LBRACE check* RBRACE;
check       : CHECK name text? LBRACE probeSpec RBRACE;

// `background`: the next inject step starts without waiting for this one (the checks report a repeat).
injectBlock : INJECT name text? background+=BACKGROUND* LBRACE injectItem* RBRACE;
injectItem  : action | undo;
undo        : UNDO (text | action);

detectBlock : DETECT quantifier=(ALL | ANY)? WITHIN duration LBRACE signal* RBRACE;
signal      : SIGNAL name text? LBRACE probeSpec RBRACE;

recoverBlock : RECOVER (WITHIN duration)? LBRACE step* RBRACE;
step         : STEP name text? stepClause* LBRACE stepItem* RBRACE;
stepClause
    : BY name                        # byClause
    | WITHIN duration                # withinClause
    | AFTER name (COMMA name)*       # afterClause
    ;
stepItem : action | verify;
verify   : VERIFY LBRACE probeSpec RBRACE (WITHIN duration)?;

commsBlock : COMMS LBRACE commsDuty* RBRACE;
commsDuty
    : UPDATE text EVERY duration BY name     # updateDuty
    | NOTIFY text WITHIN duration BY name    # notifyDuty
    ;

abortBlock   : ABORT WHEN LBRACE probeSpec* RBRACE;
debriefBlock : DEBRIEF LBRACE ask* RBRACE;
ask          : ASK text;

// Actions change the world: in setup, teardown, inject and recovery steps.
action
    : RUN text (TIMEOUT duration)? (EXPECT EXIT numberCheck)?                          # runAction
    | HTTP name text httpOption* (EXPECT STATUS numberCheck)? (TIMEOUT duration)?      # httpAction
    | MANUAL text                                                # manualAction
    | WAIT duration                                              # waitAction
    ;
httpOption
    : HEADER text ASSIGN text        # headerOption
    | BODY text                      # bodyOption
    ;

// Probes observe the world: steady checks, signals, verifications, abort conditions.
probeSpec : probe probeOption*;
probe
    : HTTP name text httpOption* httpExpect*                          # httpProbe
    | COMMAND text commandExpect*                                     # commandProbe
    | PROMETHEUS QUERY text (AT text)? EXPECT comparator number       # prometheusQueryProbe
    | PROMETHEUS ALERT text (AT text)?                                # prometheusAlertProbe
    | LOG text MATCHES text                                           # logProbe
    | MANUAL text                                                     # manualProbe
    ;
httpExpect
    : EXPECT STATUS numberCheck              # statusExpect
    | EXPECT BODY CONTAINS text              # bodyExpect
    | EXPECT BODY MATCHES text               # bodyMatchesExpect
    | jsonCheck                              # bodyJsonExpect
    ;
commandExpect
    : EXPECT EXIT numberCheck                # exitExpect
    | EXPECT OUTPUT CONTAINS text            # outputExpect
    | EXPECT OUTPUT MATCHES text             # outputMatchesExpect
    | jsonCheck                              # outputJsonExpect
    ;
// A status or exit status: `!= 0`, `in 200, 204`, `between 200 and 299`; a bare number means `==`.
numberCheck
    : comparator? number                     # compareCheck
    | IN number (COMMA number)*              # setCheck
    | BETWEEN number AND number              # rangeCheck
    ;
jsonCheck : EXPECT JSON path=text (COUNT number | EQUALS value=text)?;
probeOption
    : EVERY duration                 # everyOption
    | TIMEOUT duration               # timeoutOption
    | FOR duration                   # forOption
    ;

comparator : EQ | NE | LT | LE | GT | GE;
number     : NUMBER;
duration   : DURATION;
text       : STRING | BLOCK_STRING;

// Keywords are reserved only where the grammar expects them.
name
    : NAME
    | AFTER | ALERT | ALL | AND | ANY | ABORT | ASK | AT | BACKGROUND | BETWEEN | BODY | BY | CADENCE
    | CHECK | COMMAND | COMMS | CONTAINS | COUNT | DEBRIEF | DEFAULT | DETECT | DRILL | ENV | ENVIRONMENT
    | EQUALS | EVERY | EXIT | EXPECT | FOR | FROM | GUIDE | HEADER | HTTP | IMPORT | IN | INJECT | JSON
    | KIND | LOG | MANUAL | MATCHES | NOTIFY | OUTPUT | OWNER | PARAM | PROMETHEUS
    | QUERY | RECOVER | RERUN | ROLES | RUN | SECRET | SETUP | SIGNAL | STATUS | STEADY
    | STEP | SUMMARY | TAGS | TEARDOWN | TEMPLATE | TIMEBOX | TIMEOUT | TITLE | UNDO
    | UPDATE | VERIFY | WAIT | WHEN | WITHIN
    ;
