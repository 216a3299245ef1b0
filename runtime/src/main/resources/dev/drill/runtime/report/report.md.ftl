<#--
  The after-action report of one run, rebuilt from its journal. Values are escaped Markdown
  already; command output comes with a fence that its content cannot close. Times are
  since the start of the run (+4m05s) or since the fault (T+42s).
-->
<#macro aarSection heading items>
### ${heading}

<#list items as item>
- ${item}
</#list>

_Add the team's points here._

</#macro>
# After-action report: ${title}

| | |
|---|---|
| Drill | ${drill}, fingerprint ${fingerprint} |
<#if source?has_content>
| Source | ${source} |
</#if>
| Environment | ${environment} |
| Started | ${startedAt} |
<#if ended>
| Ended | ${endedAt} (+${lasted}) |
<#else>
| Last event | ${endedAt} (+${lasted}); the run did not end |
</#if>
<#if unannouncedWindow?has_content>
| Unannounced start | armed for a moment ${unannouncedWindow}; ${unannouncedStart} |
</#if>
<#if timebox?has_content>
| Timebox | ${timebox} |
</#if>
<#if faultAt?has_content>
| Fault active (T0) | ${faultAt} |
</#if>
| Outcome | **${outcome?upper_case}** |
<#if who?has_content>

## Who

| Role | Description | Person |
|---|---|---|
<#list who as holder>
| ${holder.role} | ${holder.description} | ${holder.person} |
</#list>
</#if>

## Outcome

<#if outcome == "passed" && experiment>
**Passed**: the steady state held before the inject steps and after them.
<#elseif outcome == "passed">
**Passed**: detected and recovered within the budgets, steady state restored.
<#elseif outcome == "failed">
**Failed**: an expectation was missed.
<#elseif outcome == "aborted">
**Aborted**: the run was stopped before its end.
<#else>
**Interrupted**: the journal ends without an outcome.
</#if>
<#if reasons?has_content>

<#list reasons as reason>
- ${reason}
</#list>
</#if>
<#if detection?? || recovery??>

| | Took | Budget | Result |
|---|---|---|---|
<#if detection??>
| Time to detect | ${detection.ttd} | ${detection.budget} | ${detection.verdict} |
</#if>
<#if recovery??>
| Time to recover | ${recovery.ttr} | <#if recovery.budget?has_content>${recovery.budget}<#else>—</#if> | ${recovery.verdict} |
</#if>
</#if>
<#if rerunDue?has_content>

Re-run due by **${rerunDue}** (a failed drill is re-run within ${rerun}).
</#if>
<#if skipped gt 0>

> The journal had ${skipped} unreadable <#if skipped == 1>line<#else>lines</#if>, skipped in this report.
</#if>

## Expectations
<#if detection??>

### Detection

<#if detection.mode == "all">All<#else>Any</#if> of these signals within **${detection.budget}** of the fault.

| Signal | Fired | Result |
|---|---|---|
<#list detection.signals as s>
| ${s.name} | ${s.fired} | ${s.verdict} |
</#list>
</#if>
<#if recovery??>

### Recovery

<#if recovery.budget?has_content>Recover within **${recovery.budget}**.<#else>No recovery budget.</#if>

| # | Step | Who | Took | Budget | Result |
|---|---|---|---|---|---|
<#list recovery.steps as s>
| ${s.number} | ${s.name} | ${s.role} | ${s.took} | ${s.budget} | ${s.verdict} |
</#list>
<#if recovery.verifies?has_content>

Verification:

<#list recovery.verifies as v>
- ${v.step}: ${v.text}
</#list>
</#if>
</#if>
<#if checks?has_content>

### Steady state

| Check | When | Result |
|---|---|---|
<#list checks as c>
| ${c.id} | ${c.when} | ${c.verdict} |
</#list>
</#if>
<#if comms?has_content>

### Communication

| Duty | Who | Due | Result |
|---|---|---|---|
<#list comms as d>
| ${d.duty} | ${d.role} | ${d.due} | ${d.verdict} |
</#list>
</#if>
<#if !detection?? && !recovery?? && !checks?has_content && !comms?has_content>

Nothing was expected of this run, or it stopped before anything was.
</#if>
<#if failedActions?has_content>

## Failed actions
<#list failedActions as a>

### ${a.heading}

At ${a.at}<#if a.text?has_content>: ${a.text}</#if>
<#if a.output?has_content>

${a.fence}text
${a.output}
${a.fence}
</#if>
</#list>
</#if>

## Observer notes

<#if notes?has_content>
<#list notes as n>
- **${n.at}**, ${n.by}: ${n.text}
</#list>
<#else>
No notes were taken during the run.
</#if>

## Timeline

| Since start | Since fault | What happened |
|---|---|---|
<#list timeline as m>
| ${m.sinceStart} | ${m.sinceFault} | ${m.text} |
</#list>
<#if chart?has_content>

```mermaid
gantt
    dateFormat x
    axisFormat %H:%M:%S
    todayMarker off
<#list chart as section>
    section ${section.name}
<#list section.tasks as task>
    ${task}
</#list>
</#list>
```
</#if>
<#if debrief?has_content>

## Debrief questions

<#list debrief as q>
${q?counter}. ${q}
</#list>
</#if>

## After-action review

<@aarSection "What went well" aar.wentWell/>
<@aarSection "What went badly" aar.wentBadly/>
<@aarSection "What needs improving" aar.toImprove/>
<@aarSection "What we liked" aar.liked/>
<@aarSection "What we did not like" aar.didNotLike/>

## Action items

<!-- What the team will fix, one task a line: "- [ ] Fix the stale restart command @carol due 2026-12-15", ticked "- [x]" when done. Edit this section and commit the report: drill report keeps it when it rebuilds the report, drill check and drill list report open items past their due date. -->
