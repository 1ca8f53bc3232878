# Sourced by the start-up and load scripts: waiting for the service to be healthy without taking CPU from it.
# A new curl (and sleep) process every 20-50 ms took 2-4 s of CPU from a service starting on two cores; these polls
# run inside bash: /dev/tcp, HTTP/1.0, the status line read with a timeout, and a pause that starts no process.

exec {health_nap}<> <(:)  # a pipe nobody writes to: reading it with a timeout is a pause inside bash

# healthy PORT -> success when GET /actuator/health on 127.0.0.1:PORT answers 200
healthy() {
  local status=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 5 status <&3 || true
  exec 3<&- 3>&-
  [[ $status == "HTTP/1."?" 200"* ]]
}

# pause SECONDS (fractions allowed) without starting a process
pause() {
  read -r -t "$1" -u "$health_nap" || true
}
