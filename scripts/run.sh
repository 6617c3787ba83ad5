#!/bin/sh
# run.sh BUILD DB - the main job: initialises the database when it is new
# (with demo users, printed once) and serves the web application.
set -eu
build=$1
db=$2
ssp="$build/ssp"

if [ ! -f "$db" ]; then
	"$ssp" init --db "$db"
	echo
	echo "Demobrugere (adgangskoderne vises kun denne ene gang):"
	printf '  %-22s %-16s %s\n' BRUGERNAVN ROLLE ADGANGSKODE
	for role in admin ssp politi boern-familier ungeenhed kontaktperson styregruppe revisor; do
		user="demo-$role"
		pw=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
		extra=""
		[ "$role" = kontaktperson ] && extra="--institution eksempel-skole-vest"
		# shellcheck disable=SC2086
		printf '%s\n' "$pw" | "$ssp" user add "$user" --db "$db" --name "Demo ($role)" \
			--role "$role" $extra --password-stdin >/dev/null
		printf '  %-22s %-16s %s\n' "$user" "$role" "$pw"
	done
	# the fora each demo user takes part in: their front page and private
	# calendar show these meetings (`ssp init` has planned this year and next)
	for pair in ssp:paragraf-115 ssp:hotspot ssp:ssp-distriktsmoede politi:paragraf-115 \
		politi:lokalraad boern-familier:paragraf-115 ungeenhed:paragraf-115 \
		styregruppe:ssp-styregruppe kontaktperson:ssp-skolenetvaerk; do
		"$ssp" --db "$db" participant add "${pair#*:}" "demo-${pair%%:*}" >/dev/null
	done
	echo
	echo "To-faktor-login (TOTP) kræves for administratorer og alle roller, der ser"
	echo "personoplysninger (alle undtagen styregruppe). Første gang du logger ind, viser"
	echo "siden en QR-kode: scan den med en godkendelsesapp (fx FreeOTP, Aegis eller"
	echo "Microsoft Authenticator), og skriv den 6-cifrede kode. Hemmeligheden står"
	echo "også som tekst, hvis du ikke kan scanne. På kommandolinjen: oathtool --totp -b HEMMELIGHED"
	echo
fi
exec "$ssp" serve --db "$db"
