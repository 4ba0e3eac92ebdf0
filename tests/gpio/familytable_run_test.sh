#!/bin/sh
# tests/gpio/familytable_run_test.sh FAMILYTABLE - the real program on a real
# kernel GPIO device: `familytable run --dock gpio` against the kernel's
# gpio-sim, in the throwaway VM of scripts/gpio-sim-vm (make check-gpio),
# which gives it the binary, the libraries ldd finds for it and the DejaVu
# fonts the display opens. Busybox sh, as root in the guest.
#
#   1. a meal: a 3-slot dock on a chip labelled like a Pi 4's header, two
#      phones docked for a few seconds and taken out (each line played by its
#      sim_gpioN/pull attribute), past grace, SIGTERM: the program exits 0
#      and `familytable report --json` lists one meal with the right kind,
#      phones, members and times;
#   2. the chip missing: the program keeps running, logs the fault once
#      through its retries, finds the chip when it comes and says so, and
#      exits 0 on SIGTERM.
#
# The display is SDL's dummy video driver (the guest has no display); the
# clock is QEMU's RTC, the host's time, so the program trusts it at once
# (later than the build date and than anything stored, SPEC §1).
#
# Output is TAP-like ("ok N - what" / "not ok N - what"), the program's own
# log as "# familytable: ..." notes; exit 0 when every check passed.

ft=${1:?usage: familytable_run_test.sh FAMILYTABLE}
SIM=/sys/kernel/config/gpio-sim/ftapp
LABEL=pinctrl-bcm2711
work=/tmp/ftapp.$$
n=0
failed=0

check() { # check STATUS WHAT: STATUS 0 is a pass
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}
note() { echo "# $*"; }
# Hundredths of a second since boot: elapsed times to the centisecond.
uptime_cs() { read -r up _ < /proc/uptime; echo $((${up%.*} * 100 + 1${up#*.} - 100)); }
secs() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }

# ---- the simulated chip ----

dev= chip=
sim_names() {
	dev=$(cat $SIM/dev_name) && chip=$(cat $SIM/bank0/chip_name)
}
sim_create() {
	mkdir $SIM $SIM/bank0 &&
		echo $LABEL > $SIM/bank0/label &&
		echo 3 > $SIM/bank0/num_lines || return 1
	for i in 0 1 2; do
		mkdir $SIM/bank0/line$i && echo "DOCK$((i + 1))" > $SIM/bank0/line$i/name || return 1
	done
	echo 1 > $SIM/live && sim_names
}
sim_destroy() {
	[ -d $SIM ] || return 0
	echo 0 > $SIM/live
	for i in 0 1 2; do rmdir $SIM/bank0/line$i 2>/dev/null; done
	rmdir $SIM/bank0 $SIM 2>/dev/null
}
# pull OFFSET pull-down|pull-up: pull-down closes the switch (a phone in,
# active_low), pull-up opens it.
pull() { echo "$2" > /sys/devices/platform/$dev/$chip/sim_gpio$1/pull; }

# ---- the program ----

pid=
# start DB LOG: familytable run in the background, its log in LOG.
start() {
	SDL_VIDEODRIVER=dummy "$ft" run --dock gpio --window --size 800x480 \
		--config $work/T.conf --db "$1" > "$2" 2>&1 &
	pid=$!
}
alive() { kill -0 "$pid" 2>/dev/null; }
# wait_log LOG TEXT SECONDS: until LOG has TEXT (fixed string), or the time
# is up, or the program is gone.
wait_log() {
	deadline=$(($(uptime_cs) + $3 * 100))
	while [ "$(uptime_cs)" -lt $deadline ]; do
		grep -qF "$2" "$1" && return 0
		alive || break
		sleep 0.1
	done
	grep -qF "$2" "$1"
}
# stop: SIGTERM, then up to 15 s to exit; sets rc (137 when it had to be
# killed).
stop() {
	kill -TERM "$pid"
	deadline=$(($(uptime_cs) + 1500))
	while alive && [ "$(uptime_cs)" -lt $deadline ]; do sleep 0.1; done
	if alive; then
		note "still running 15 s after SIGTERM: SIGKILL"
		kill -KILL "$pid"
	fi
	wait "$pid"
	rc=$?
}
show_log() { sed 's/^/# /' "$1"; }
# The epoch seconds of an RFC 3339 time the guest prints (UTC: no zone here).
epoch() {
	case $1 in
	*+00:00) t=${1%+00:00} ;;
	*Z) t=${1%Z} ;;
	*) echo -1; return ;;
	esac
	date -u -d "$(echo "$t" | tr T ' ')" +%s 2>/dev/null || echo -1
}

mkdir -p $work
cat > $work/T.conf <<EOF
# written by tests/gpio/familytable_run_test.sh
[dock]
chip = $LABEL            # by label, as on a Pi 4
lines = 0 1 2
names = Anna Ben "Mary Ann"
active_low = true
bias = pull-up
debounce = 20ms
[meal]
min_phones = 2
min_duration = 2s
grace = 1s
max_duration = 1h
windows = allday 00:00-24:00
EOF

note "familytable run on $($ft --version), guest clock $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
sim_destroy
if ! sim_create; then
	check 1 "gpio-sim chip $LABEL created"
	echo "$n tests, $failed failed"
	exit 1
fi
note "gpio-sim: $dev, $chip labelled $LABEL, 3 lines"
for i in 0 1 2; do pull $i pull-up; done

# ---- 1. a meal, logged by the running program ----

db=$work/x.db log=$work/run1.log
t0=$(uptime_cs)
start $db $log
wait_log $log "dock: 3 lines of /dev/$chip [$LABEL]" 60
check $? "familytable run opens the chip by its label $LABEL ($(secs $(($(uptime_cs) - t0))) s to start)"
wait_log $log "clock trusted" 10
check $? "it trusts the guest's clock (QEMU's RTC, later than the build date)"
sleep 0.5

# Anna (slot 1) and Mary Ann (slot 3) dock; Ben's slot stays empty.
docked=$(date +%s)
pull 0 pull-down && pull 2 pull-down
check $? "two phones docked (lines 0 and 2 pulled down)"
sleep 4
undocked=$(date +%s)
pull 0 pull-up && pull 2 pull-up
check $? "and taken out 4 s later"
sleep 2.5 # grace 1 s, debounce 20 ms, and some
alive
check $? "still running after the meal"
t1=$(uptime_cs)
stop
check $([ $rc -eq 0 ]; echo $?) "exits 0 on SIGTERM (status $rc, $(secs $(($(uptime_cs) - t1))) s)"
grep -q "signal 15: stopping" $log
check $? "and says why it stopped"
! grep -q "never trusted\|busy\|not found\|Not saving\|cannot" $log
check $? "nothing held, nothing failed on the way"
show_log $log

report=$work/report.json
"$ft" report --json --config $work/T.conf --db $db > $report 2> $work/report.err
rc=$?
check $rc "familytable report --json (status $rc)"
sed 's/^/# /' $work/report.err
grep -q '"meals": { "count": 1,' $report
check $? "one meal this week"
meal=$(grep '"date": ' $report) # one line per meal
note "${meal# *}"
meals=$(grep -c '"date": ' $report)
check $([ "$meals" -eq 1 ]; echo $?) "one meal listed ($meals)"
echo "$meal" | grep -q '"kind": "allday",'
check $? "of kind allday"
echo "$meal" | grep -q '"phones": 2,'
check $? "with 2 phones"
echo "$meal" | grep -q '"members": \["Anna", "Mary Ann"\]'
check $? "members Anna and Mary Ann (named from the config, a quoted name with a space)"
echo "$meal" | grep -q '"interruptions": 0,'
check $? "no interruption"
start_s=$(epoch "$(echo "$meal" | sed -n 's/.*"start": "\([^"]*\)".*/\1/p')")
end_s=$(epoch "$(echo "$meal" | sed -n 's/.*"end": "\([^"]*\)".*/\1/p')")
[ "$start_s" -ge "$docked" ] && [ "$start_s" -le $((docked + 1)) ]
check $? "started when the phones were docked ($((start_s - docked)) s after)"
[ "$end_s" -ge "$undocked" ] && [ "$end_s" -le $((undocked + 1)) ]
check $? "ended when they were taken out, not after grace ($((end_s - undocked)) s after)"
grep -q '"phones_down": { "sessions": 1,' $report
check $? "one phones-down session"
note "case 1 took $(secs $(($(uptime_cs) - t0))) s"

# ---- 2. the chip missing ----

db=$work/y.db log=$work/run2.log
echo 0 > $SIM/live
check $? "chip $LABEL taken away"
t0=$(uptime_cs)
start $db $log
missing="GPIO chip \"$LABEL\" not found"
wait_log $log "$missing" 60
check $? "familytable run without the chip says so ($(secs $(($(uptime_cs) - t0))) s to start)"
sleep 7 # the dock retries every 3 s
alive
check $? "and keeps running 7 s later"
count=$(grep -cF "$missing" $log)
check $([ "$count" -eq 1 ]; echo $?) "the fault is logged once through the retries ($count)"
echo 1 > $SIM/live && sim_names
check $? "chip $LABEL back (now $chip)"
t1=$(uptime_cs)
wait_log $log "dock: 3 lines of /dev/$chip [$LABEL]" 10
check $? "found by a retry $(secs $(($(uptime_cs) - t1))) s later"
grep -q "resolved: $missing" $log
check $? "and the fault is cleared"
stop
check $([ $rc -eq 0 ]; echo $?) "exits 0 on SIGTERM (status $rc)"
show_log $log
note "case 2 took $(secs $(($(uptime_cs) - t0))) s"

sim_destroy
rm -rf $work
echo "$n tests, $failed failed"
[ $failed -eq 0 ]
