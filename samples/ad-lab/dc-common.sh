# Shared settings of the AD lab scripts (sourced). A throwaway Samba AD domain controller, every file under $AD_LAB_DIR,
# listening on $AD_LAB_IP only. Override any of these in the environment.
AD_LAB_DIR=${AD_LAB_DIR:-/tmp/ad-lab}
AD_LAB_IP=${AD_LAB_IP:-127.0.0.1}
AD_LAB_REALM=${AD_LAB_REALM:-LAB.EXAMPLE}
AD_LAB_DOMAIN=${AD_LAB_DOMAIN:-LAB}
AD_LAB_ADMINPASS=${AD_LAB_ADMINPASS:-'Adm1nPass!2024'}
AD_LAB_BASE=${AD_LAB_BASE:-$(echo "$AD_LAB_REALM" | tr 'A-Z' 'a-z' | sed 's/^/DC=/; s/\./,DC=/g')}
AD_LAB_SUFFIX=$(echo "$AD_LAB_REALM" | tr 'A-Z' 'a-z')
