<#--
  The recovery guide of one drill. A team may replace this file (drill guide --templates DIR).
  Keep the markers (${"$"}{marker}, ${"$"}{step.begin} ...) where they are: drill check finds the
  parts of the guide by them, and drill guide --update rewrites only what stands between
  a drill:begin and its drill:end. The probe of a signal, check or verification is the first
  code span after its marker, in the same paragraph or list item (a marker must not start
  a line or list item: there CommonMark reads it as an HTML block); commands are the sh and
  http code blocks of a step's generated part. Values are escaped Markdown already; code
  comes with a fence that its content cannot close.
-->
<#macro actions list>
<#list list as a>
<#if a.kind == "manual">
${a.text}

<#elseif a.kind == "wait">
Wait ${a.text}.

<#else>
${a.fence}${a.info}
${a.code}
${a.fence}
<#if a.note?has_content>

(${a.note})
</#if>

</#if>
</#list>
</#macro>
<#macro values>
<#if params?has_content>

Values used below:

| Value | ${valuesHeading} |
|---|---|
<#list params as p>
| ${p.name} | ${p.default} |
</#list>
</#if>
<#if secrets?has_content>

Secrets come from the environment, never from this guide:
<#list secrets as s>${s.name} from ${s.env}<#sep>, </#sep></#list>.
</#if>
</#macro>
${marker}
# ${title}

<!-- drill:begin overview -->
| | |
|---|---|
| Owner | ${owner} |
| Kind | ${kind} |
| Environment | ${environment} |
<#if timebox?has_content>
| Timebox | ${timebox} |
</#if>
<#if cadence?has_content>
| Practice | every ${cadence}; a failed run is re-run within ${rerun} |
<#else>
| Practice | a failed run is re-run within ${rerun} |
</#if>
<#if tags?has_content>
| Tags | ${tags} |
</#if>
| Drill | ${source}, fingerprint `${fingerprint}` |
<#if template?has_content>
| Template | ${template} |
</#if>
<#if summary?has_content>

${summary}
</#if>

Run the commands from the directory of ${source}, as `drill run` does.
This guide is generated from the drill. Write your own notes anywhere outside the
`drill:begin` / `drill:end` markers: `drill guide --update` rewrites only what stands
between them, and `drill check` fails when they no longer match the drill.
<!-- drill:end overview -->

<#if detect??>
## How the failure shows itself

<!-- drill:begin symptoms -->
Expected within **${detect.budget}** of the fault: <#if detect.mode == "all">all of these signals<#else>any of these signals</#if>.

<#list detect.signals as s>
- **${s.title}** ${s.marker}: ${s.probe}<#if !s.manual>, checked every ${s.every}</#if>
</#list>
<!-- drill:end symptoms -->

</#if>
<#if roles?has_content>
## Roles

<!-- drill:begin roles -->
| Role | Responsibility |
|---|---|
<#list roles as r>
| ${r.id} | ${r.description} |
</#list>
<!-- drill:end roles -->

</#if>
<#if recover??>
## Recovery procedure

<!-- drill:begin procedure -->
<#if recover.budget?has_content>
Recover within **${recover.budget}**. The steps run in this order; a step with
*after* waits until the steps it names are done.
<#else>
The steps run in this order; a step with *after* waits until the steps it names are done.
</#if>
<@values/>
<!-- drill:end procedure -->

<#list recover.steps as step>
### ${step.number}. ${step.heading} ${step.marker}

${step.begin}
<#if step.role?has_content || step.budget?has_content || step.after?has_content>
<#if step.role?has_content>**Who:** ${step.role}<#if step.budget?has_content || step.after?has_content> · </#if></#if><#if step.budget?has_content>**Within:** ${step.budget}<#if step.after?has_content> · </#if></#if><#if step.after?has_content>**After:** ${step.after}</#if>

</#if>
<@actions step.actions/>
<#if step.verify??>
**Verify**<#if step.verify.budget?has_content> within ${step.verify.budget}</#if>: ${step.verify.marker} ${step.verify.probe}, checked every ${step.verify.every}
</#if>
${step.end}

</#list>
</#if>
<#if method??>
<#if method.experiment>
## Experiment

<!-- drill:begin method -->
The run is unattended: nobody responds. It checks the steady state, runs these inject
steps in order, then checks the steady state once more; a check that does not hold
then fails the run.
<#else>
## Injecting the fault

<!-- drill:begin method -->
The run injects the fault in these steps, in order.
</#if>
<#if method.background>

A step in the background runs beside the next ones: the next step starts at once, and
the inject steps are over when every step has finished.
</#if>
<#if !method.recover>
<@values/>
</#if>

<#list injects as i>
**${i.title}** (${i.id})<#if i.background>, in the background</#if>:

<@actions i.actions/>
</#list>
<!-- drill:end method -->

</#if>
<#if checks??>
## Verification

<!-- drill:begin verification -->
<#if method?? && method.experiment>
Checked before the inject steps and once more after them; a check that does not hold
after them fails the run:
<#else>
The drill is over when the steady state holds again:
</#if>

<#list checks as c>
- **${c.title}** ${c.marker}: ${c.probe}
</#list>
<!-- drill:end verification -->

</#if>
<#if comms??>
## Communication

<!-- drill:begin comms -->
| Who | Duty | When |
|---|---|---|
<#list comms as d>
| ${d.role} | <#if d.kind == "update">Update<#else>Notify</#if> ${d.audience} | ${d.when} |
</#list>
<!-- drill:end comms -->

</#if>
<#if abort??>
## Stop the drill when

<!-- drill:begin abort -->
Any of these holds<#if timebox?has_content>, or the timebox of ${timebox} runs out</#if>; then roll back at once.

<#list abort as a>
- ${a.probe}<#if a.holdFor?has_content> for ${a.holdFor}</#if>
</#list>
<!-- drill:end abort -->

</#if>
## Rollback

<!-- drill:begin rollback -->
Always, after a pass, a failure or an abort, in this order:

<#list undo as u>
Undo ${u.title} (${u.id}):

<@actions u.actions/>
</#list>
<#if teardown?has_content>
Then tear down:

<@actions teardown/>
</#if>
<#if !undo?has_content && !teardown?has_content>
Nothing to roll back.

</#if>
<!-- drill:end rollback -->
<#if setup?has_content>

## Drill setup

<!-- drill:begin setup -->
Before the fault is injected:

<@actions setup/>
<!-- drill:end setup -->
</#if>
<#if debrief??>

## Debrief

<!-- drill:begin debrief -->
<#list debrief as q>
${q?counter}. ${q}
</#list>
<!-- drill:end debrief -->
</#if>
