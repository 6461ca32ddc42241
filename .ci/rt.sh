#!/bin/sh
# Install, initialise and start Request Tracker 5 (Debian packages, SQLite database) for tests.
#
#   .ci/rt.sh install        apt-get install request-tracker5 + rt5-db-sqlite, non-interactively
#   .ci/rt.sh start [PORT]   start rt-server on 127.0.0.1:PORT (default 8089), wait until REST2
#                            answers, create the rules' queues, an auth token for root and a
#                            least-privilege user rootmail-bot with its token; write the env
#                            (never printed: it holds the tokens)
#   .ci/rt.sh apply-cf NAME [QUEUE...]
#                            apply custom field NAME to the QUEUEs (none: all queues): an RT
#                            administrator's optional step after `rootmail helpdesk setup` for the
#                            transaction field "Rootmail Step" (REST2 cannot apply it)
#   .ci/rt.sh stop           stop the rt-server started by `start`
#   .ci/rt.sh all [PORT]     install + start
#
# The tests read ROOTMAIL_TEST_RT_URL (and ROOTMAIL_TEST_RT_TOKEN or ROOTMAIL_TEST_RT_PASSWORD);
# `start` writes them to $RT_STATE/env, which you can source.
set -eu

RT_PASSWORD="${RT_PASSWORD:-rootmail-test}"
RT_STATE="${RT_STATE:-/tmp/rootmail-rt}"
RT_LIB=/usr/share/request-tracker5/lib
RT_SERVER=/usr/share/request-tracker5/libexec/rt-server

install_rt() {
    export DEBIAN_FRONTEND=noninteractive
    # dbconfig-common creates and initialises the SQLite database during the install; the root
    # password comes from the package's own debconf question.
    debconf-set-selections <<SEL
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/rtname string rootmail-test
request-tracker5 request-tracker5/organization string rootmail.test
request-tracker5 request-tracker5/correspondaddress string rt@rootmail.test
request-tracker5 request-tracker5/commentaddress string rt-comment@rootmail.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password $RT_PASSWORD
SEL
    if ! apt-cache show request-tracker5 >/dev/null 2>&1; then apt-get update -q; fi
    apt-get install -y -q --no-install-recommends request-tracker5 rt5-db-sqlite
}

configure_rt() {
    port="$1"
    # Serve at the root (REST2 under /REST/2.0/), name the port, log to stderr, no syslog.
    # A test RT only: RT checks an auth token's bcrypt hash on every REST2 request, and at RT's
    # default cost (12) that is ~1.5 s of CPU per request here; tokens made at cost 6 take ~25 ms.
    cat >/etc/request-tracker5/RT_SiteConfig.d/90-rootmail-test.pm <<CONF
Set(\$BcryptCost, 6);
Set(\$WebPath, "");
Set(\$WebDomain, "127.0.0.1");
Set(\$WebPort, $port);
Set(\$WebBaseURL, "http://127.0.0.1:$port");
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, "warning");
CONF
}

rt_perl() {
    code="$1"; shift
    perl -I"$RT_LIB" -I/etc/request-tracker5 -e "$code" "$@"
}

start_rt() {
    port="${1:-8089}"
    mkdir -p "$RT_STATE"
    if [ -f "$RT_STATE/pid" ] && kill -0 "$(cat "$RT_STATE/pid")" 2>/dev/null; then
        echo "rt-server already running (pid $(cat "$RT_STATE/pid"))" >&2
    else
        configure_rt "$port"
        # rt-server is a Plack standalone server; it reads /etc/request-tracker5/RT_SiteConfig.pm.
        nohup "$RT_SERVER" --port "$port" >"$RT_STATE/server.log" 2>&1 &
        echo $! >"$RT_STATE/pid"
    fi
    url="http://127.0.0.1:$port"
    # the first start compiles and loads all of RT: minutes on a busy 2-core machine
    wait_s="${RT_START_TIMEOUT:-600}"
    deadline=$(( $(date +%s) + wait_s ))
    until curl -fsS -o /dev/null -u "root:$RT_PASSWORD" "$url/REST/2.0/queues/all"; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "rt-server did not answer on $url within $wait_s s; log:" >&2
            tail -n 50 "$RT_STATE/server.log" >&2
            exit 1
        fi
        sleep 1
    done
    # the queues the shipped routing rules name; rootmail's custom fields are NOT created here:
    # `rootmail helpdesk setup` does that through REST2, as a user would (see docs/operations.md)
    perl -I"$RT_LIB" -I/etc/request-tracker5 - ${RT_QUEUES:-triage security security-triage billing operations support} >&2 <<'PERL'
use strict; use warnings;
use RT; RT::LoadConfig(); RT::Init();
for my $qname (@ARGV) {
  my $q = RT::Queue->new(RT->SystemUser); $q->Load($qname);
  unless ($q->id) { my ($ok, $msg) = $q->Create(Name => $qname); die "queue $qname: $msg\n" unless $ok; }
  print "queue $qname ", $q->id, "\n";
}
PERL
    # a least-privilege service account: only the rights rootmail needs, on the queues only
    bot_token=$(perl -I"$RT_LIB" -I/etc/request-tracker5 - ${RT_QUEUES:-triage security security-triage billing operations support General} <<'PERL'
use strict; use warnings;
use RT; RT::LoadConfig(); RT::Init();
my $user = RT::User->new(RT->SystemUser); $user->Load("rootmail-bot");
unless ($user->id) {
  my ($ok, $msg) = $user->Create(Name => "rootmail-bot", EmailAddress => 'rootmail-bot@rootmail.test',
                                 Privileged => 1);
  die "user: $msg\n" unless $ok;
}
for my $qname (@ARGV) {
  my $q = RT::Queue->new(RT->SystemUser); $q->Load($qname); next unless $q->id;
  for my $right (qw(SeeQueue ShowTicket ShowTicketComments CreateTicket ModifyTicket CommentOnTicket ReplyToTicket
                    Watch SeeCustomField ModifyCustomField)) {
    $user->PrincipalObj->GrantRight(Right => $right, Object => $q);
  }
}
my $old = RT::AuthTokens->new(RT->SystemUser); $old->LimitOwner(VALUE => $user->id);
while (my $t = $old->Next) { $t->Delete }  # RT tries each of a user's tokens on every request
my $token = RT::AuthToken->new(RT->SystemUser);
my ($id, $msg, $secret) = $token->Create(Owner => $user->id, Description => "rootmail least privilege");
die "token: $msg\n" unless $id; print $secret;
PERL
)
    token=$(rt_perl '
        use RT; RT::LoadConfig(); RT::Init();
        my $user = RT::User->new(RT->SystemUser); $user->Load("root");
        my $old = RT::AuthTokens->new(RT->SystemUser); $old->LimitOwner(VALUE => $user->id);
        while (my $t = $old->Next) { $t->Delete }  # tokens of earlier starts: RT tries each one
        my $token = RT::AuthToken->new(RT->SystemUser);
        my ($id, $msg, $secret) = $token->Create(Owner => $user->id, Description => "rootmail tests");
        die "token: $msg\n" unless $id; print $secret;')
    (umask 077 && : >"$RT_STATE/env") && chmod 600 "$RT_STATE/env"  # private before the tokens are in it
    cat >"$RT_STATE/env" <<ENV
export ROOTMAIL_TEST_RT_URL=$url
export ROOTMAIL_TEST_RT_TOKEN=$token
export ROOTMAIL_TEST_RT_USER=root
export ROOTMAIL_TEST_RT_PASSWORD=$RT_PASSWORD
export ROOTMAIL_TEST_RT_BOT_TOKEN=$bot_token
ENV
    echo "rt.sh: REST2 answers at $url; ROOTMAIL_TEST_RT_* (tokens: not printed) written to $RT_STATE/env"
}

apply_cf() {
    # What an RT administrator may do by hand after `rootmail helpdesk setup` (REST2 cannot apply a
    # transaction custom field): Admin → Custom Fields → NAME → Applies to → the QUEUEs (none: all).
    rt_perl '
        use RT; RT::LoadConfig(); RT::Init();
        my ($name, @queues) = @ARGV;
        my $cfs = RT::CustomFields->new(RT->SystemUser); $cfs->Limit(FIELD => "Name", VALUE => $name);
        my $cf = $cfs->First or die "no custom field $name: run `rootmail helpdesk setup` first\n";
        if (!@queues) {
            unless ($cf->IsGlobal) { my ($ok, $msg) = $cf->AddToObject(RT::Queue->new(RT->SystemUser));
                                     die "apply: $msg\n" unless $ok; }
            print "custom field ", $cf->Name, " applies to all queues\n";
        }
        for my $qname (@queues) {
            my $q = RT::Queue->new(RT->SystemUser); $q->Load($qname); die "no queue $qname\n" unless $q->id;
            next if $cf->IsGlobal || $cf->IsAdded($q->id);
            my ($ok, $msg) = $cf->AddToObject($q); die "apply to $qname: $msg\n" unless $ok;
            print "custom field ", $cf->Name, " applies to queue $qname\n";
        }' "$@"
}

stop_rt() {
    if [ -f "$RT_STATE/pid" ]; then
        kill "$(cat "$RT_STATE/pid")" 2>/dev/null || true
        rm -f "$RT_STATE/pid"
    fi
}

case "${1:-all}" in
    install) install_rt ;;
    start) start_rt "${2:-8089}" ;;
    stop) stop_rt ;;
    apply-cf) shift; apply_cf "${1:?usage: $0 apply-cf NAME [QUEUE...]}" "${@:2}" ;;
    all) install_rt; start_rt "${2:-8089}" ;;
    *) echo "usage: $0 install|start [PORT]|apply-cf NAME [QUEUE...]|stop|all [PORT]" >&2; exit 2 ;;
esac
