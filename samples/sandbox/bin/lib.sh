# Shared by the sandbox scripts (sourced, not run): options, paths, small helpers. POSIX sh.
#
# Every script takes [--port N] [--state DIR]; else $SANDBOX_PORT and $SANDBOX_STATE;
# else 18080 and ${TMPDIR:-/tmp}/drill-sandbox.

sandbox_home=$(cd "$(dirname "$0")/.." && pwd)
script=$(basename "$0")
port=${SANDBOX_PORT:-18080}
state=${SANDBOX_STATE:-${TMPDIR:-/tmp}/drill-sandbox}

while [ $# -gt 0 ]; do
  case $1 in
    --port|--state)
      [ $# -ge 2 ] || { echo "$script: $1 needs a value" >&2; exit 2; }
      if [ "$1" = --port ]; then port=$2; else state=$2; fi
      shift 2 ;;
    --port=*) port=${1#*=}; shift ;;
    --state=*) state=${1#*=}; shift ;;
    -h|--help) echo "usage: bin/$script [--port N] [--state DIR]"; exit 0 ;;
    *) echo "$script: unknown argument: $1" >&2
       echo "usage: bin/$script [--port N] [--state DIR]" >&2; exit 2 ;;
  esac
done
case $port in
  ''|*[!0-9]*) echo "$script: not a port: $port" >&2; exit 2 ;;
esac
[ -n "$state" ] || { echo "$script: the state directory is empty" >&2; exit 2; }

pid_file=$state/sandbox.pid
# C1 only and the serial collector: a single-file program starts about twice as fast.
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# SandboxCtl (health, wait-up, break, repair, ...) against this port.
ctl() {
  $java_cmd "$sandbox_home/SandboxCtl.java" "$@" --port "$port"
}

# Succeeds when process $1 is a sandbox (not a pid reused by something else, not a zombie).
is_sandbox() {
  if [ -r "/proc/$1/cmdline" ]; then
    tr '\0' ' ' < "/proc/$1/cmdline" | grep -q SandboxService
  else
    ps -p "$1" -o args= 2>/dev/null | grep -q SandboxService
  fi
}

# Prints the pid of the sandbox running for $state; fails when there is none.
running_pid() {
  [ -f "$pid_file" ] || return 1
  pid=$(cat "$pid_file" 2>/dev/null)
  case $pid in ''|*[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null && is_sandbox "$pid" && echo "$pid"
}
