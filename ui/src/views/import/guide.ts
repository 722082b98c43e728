// The step-by-step guide to getting one's data, per platform, in English and French. Written from
// /work/shared/reference/export-formats.md (menus, formats, delays, file names). Menu names change:
// they are given as the platforms show them in each language at the time of writing.
import type { Lang } from '../../lib/bindings/Lang';
import type { Platform } from '../../lib/bindings/Platform';

export interface GuideSection {
  title: string;
  steps: string[];
  /** Which format to choose. */
  format: string;
  /** Which period to choose. */
  range: string;
  /** How long it takes to arrive. */
  wait: string;
  /** Which file to drop on Resonance. */
  drop: string;
}

export interface GuideText {
  /** What Resonance reads from this platform, in one or two sentences. */
  reads: string;
  sections: GuideSection[];
  /** A caveat worth knowing, if any. */
  note?: string;
}

export type GuidePlatform = Exclude<Platform, 'other'>;

export interface GuideEntry {
  platform: GuidePlatform;
  /** How the data comes in: files to drop, or the live sync (public API). */
  via: 'files' | 'live' | 'both';
  en: GuideText;
  fr: GuideText;
}

export const GUIDE: GuideEntry[] = [
  {
    platform: 'instagram',
    via: 'files',
    en: {
      reads:
        'Your followers and the accounts you follow, each with the date it started; your posts, reels and stories; for a professional account, the insights of about the last 90 days. Meta Business Suite adds reach, views, likes, comments, shares, saves and follows per post.',
      sections: [
        {
          title: 'Download your information',
          steps: [
            'In the Instagram app or on instagram.com, open Settings → Accounts Center.',
            'Choose Your information and permissions → Download your information → Download or transfer information.',
            'Pick your Instagram account, then All available information (or at least your followers and following, your content and, for a professional account, past insights).',
            'Choose Download to device, then set Date range: All time, Format: JSON and Media quality: Low (Resonance does not use photos; the file stays small).',
            'Press Create files. Meta notifies you and sends an email when the files are ready.',
            'Come back to Download your information, download every part, and drop the zips here as they are — no need to unzip.',
          ],
          format: 'JSON — not HTML. An HTML export cannot be read: request a new one in JSON.',
          range: 'All time',
          wait: 'From a few minutes to a few days for big accounts. The download stays available for a few days only.',
          drop: 'instagram-<username>-<date>-<code>.zip (all the parts when Meta splits it)',
        },
        {
          title: 'Meta Business Suite (professional accounts)',
          steps: [
            'On business.facebook.com, open Insights → Content.',
            'Choose your Instagram account and the longest period offered.',
            'Press Export data and choose CSV.',
            'For follows day by day: in Insights → Overview (or Audience), export the follows chart (Follows.csv).',
          ],
          format: 'CSV',
          range: 'The longest period offered',
          wait: 'Immediate: your browser downloads the file.',
          drop: 'The .csv files as downloaded (for example Jun-01-2026_Oct-31-2026_….csv and Follows.csv)',
        },
      ],
    },
    fr: {
      reads:
        "Vos abonnés et vos abonnements, chacun avec sa date de début ; vos publications, reels et stories ; pour un compte professionnel, les statistiques des 90 derniers jours environ. Meta Business Suite ajoute la couverture, les vues, les j'aime, commentaires, partages, enregistrements et abonnements par publication.",
      sections: [
        {
          title: 'Télécharger vos informations',
          steps: [
            "Dans l'application Instagram ou sur instagram.com, ouvrez Paramètres → Espace Comptes.",
            'Choisissez Vos informations et autorisations → Télécharger vos informations → Télécharger ou transférer des informations.',
            "Sélectionnez votre compte Instagram, puis Toutes les informations disponibles (ou au moins vos abonnés et abonnements, votre contenu et, pour un compte professionnel, les statistiques passées).",
            "Choisissez Télécharger sur l'appareil, puis Plage de dates : Depuis toujours, Format : JSON et Qualité du contenu multimédia : Faible (Resonance n'utilise pas les photos ; le fichier reste léger).",
            'Appuyez sur Créer des fichiers. Meta vous prévient et vous envoie un e-mail quand les fichiers sont prêts.',
            "Revenez dans Télécharger vos informations, téléchargez toutes les parties et déposez les zips ici tels quels, sans les décompresser.",
          ],
          format: 'JSON, pas HTML. Un export HTML est illisible : redemandez-le au format JSON.',
          range: 'Depuis toujours',
          wait: "De quelques minutes à quelques jours pour les gros comptes. Le téléchargement ne reste disponible que quelques jours.",
          drop: 'instagram-<nom>-<date>-<code>.zip (toutes les parties si Meta le découpe)',
        },
        {
          title: 'Meta Business Suite (comptes professionnels)',
          steps: [
            'Sur business.facebook.com, ouvrez Statistiques → Contenu.',
            'Choisissez votre compte Instagram et la période la plus longue proposée.',
            'Appuyez sur Exporter les données et choisissez CSV.',
            'Pour les abonnements jour par jour : dans Statistiques → Vue d’ensemble (ou Audience), exportez le graphique des abonnements (Follows.csv).',
          ],
          format: 'CSV',
          range: 'La période la plus longue proposée',
          wait: 'Immédiat : votre navigateur télécharge le fichier.',
          drop: 'Les fichiers .csv tels que téléchargés (par exemple Jun-01-2026_Oct-31-2026_….csv et Follows.csv)',
        },
      ],
    },
  },
  {
    platform: 'facebook',
    via: 'files',
    en: {
      reads:
        'The Meta Business Suite exports of a Facebook Page: views, reach, reactions, comments and shares per post, and follows day by day.',
      sections: [
        {
          title: 'Meta Business Suite',
          steps: [
            'On business.facebook.com, select your Page.',
            'Open Insights → Content, choose Facebook and the longest period offered.',
            'Press Export data and choose CSV.',
            'For follows day by day: in Insights → Overview (or Audience), export the follows chart (Follows.csv).',
            'Drop the .csv files here as they are.',
          ],
          format: 'CSV',
          range: 'The longest period offered',
          wait: 'Immediate: your browser downloads the file.',
          drop: 'The .csv files as downloaded (per-post export and Follows.csv)',
        },
      ],
      note: 'The “Download your information” archive of a personal Facebook profile has no audience numbers: Resonance does not read it.',
    },
    fr: {
      reads:
        'Les exports Meta Business Suite d’une Page Facebook : vues, couverture, réactions, commentaires et partages par publication, et abonnements jour par jour.',
      sections: [
        {
          title: 'Meta Business Suite',
          steps: [
            'Sur business.facebook.com, sélectionnez votre Page.',
            'Ouvrez Statistiques → Contenu, choisissez Facebook et la période la plus longue proposée.',
            'Appuyez sur Exporter les données et choisissez CSV.',
            'Pour les abonnements jour par jour : dans Statistiques → Vue d’ensemble (ou Audience), exportez le graphique des abonnements (Follows.csv).',
            'Déposez les fichiers .csv ici tels quels.',
          ],
          format: 'CSV',
          range: 'La période la plus longue proposée',
          wait: 'Immédiat : votre navigateur télécharge le fichier.',
          drop: 'Les fichiers .csv tels que téléchargés (export par publication et Follows.csv)',
        },
      ],
      note: "L'archive « Télécharger vos informations » d'un profil Facebook personnel ne contient aucun chiffre d'audience : Resonance ne la lit pas.",
    },
  },
  {
    platform: 'x',
    via: 'files',
    en: {
      reads:
        'From the archive: your posts with their likes and reposts, your followers and the accounts you follow. From Analytics: impressions, replies, bookmarks and new follows per post, and follows and unfollows day by day.',
      sections: [
        {
          title: 'Download an archive of your data',
          steps: [
            'On x.com, open More → Settings and privacy → Your account → Download an archive of your data.',
            'Confirm your password and the code X sends you.',
            'Press Request archive.',
            'When X tells you the archive is ready (notification and email), come back to the same page and press Download archive.',
            'Drop the zip here as it is.',
          ],
          format: 'Nothing to choose (a zip of .js files)',
          range: 'Nothing to choose: everything since the account was created',
          wait: 'Usually within 24 hours, sometimes a few days.',
          drop: 'twitter-<date>-<code>.zip',
        },
        {
          title: 'Analytics',
          steps: [
            'On x.com, open Analytics.',
            'On the Overview tab, choose the longest period and press Export: account_overview_analytics.csv gives follows and unfollows per day.',
            'On the Content tab, same period, press Export: account_analytics_content_<start>_<end>.csv gives the numbers of each post.',
            'Drop both .csv files here.',
          ],
          format: 'CSV',
          range: 'The longest period offered (export several periods if needed: overlapping days are merged)',
          wait: 'Immediate: your browser downloads the file.',
          drop: 'account_overview_analytics.csv and account_analytics_content_….csv',
        },
      ],
      note: 'X offers Analytics to some accounts only (X Premium). The archive alone is enough to start.',
    },
    fr: {
      reads:
        "Depuis l'archive : vos publications avec leurs j'aime et reposts, vos abonnés et vos abonnements. Depuis Analytics : impressions, réponses, signets et nouveaux abonnés par publication, et abonnements et désabonnements jour par jour.",
      sections: [
        {
          title: 'Télécharger une archive de vos données',
          steps: [
            'Sur x.com, ouvrez Plus → Paramètres et confidentialité → Votre compte → Télécharger une archive de vos données.',
            'Confirmez votre mot de passe et le code que X vous envoie.',
            "Appuyez sur Demander l'archive.",
            "Quand X vous annonce que l'archive est prête (notification et e-mail), revenez sur la même page et appuyez sur Télécharger l'archive.",
            'Déposez le zip ici tel quel.',
          ],
          format: 'Rien à choisir (un zip de fichiers .js)',
          range: 'Rien à choisir : tout depuis la création du compte',
          wait: 'En général moins de 24 heures, parfois quelques jours.',
          drop: 'twitter-<date>-<code>.zip',
        },
        {
          title: 'Analytics',
          steps: [
            'Sur x.com, ouvrez Analytics.',
            "Dans l'onglet Vue d'ensemble, choisissez la période la plus longue et appuyez sur Exporter : account_overview_analytics.csv donne les abonnements et désabonnements par jour.",
            "Dans l'onglet Contenu, même période, appuyez sur Exporter : account_analytics_content_<début>_<fin>.csv donne les chiffres de chaque publication.",
            'Déposez les deux fichiers .csv ici.',
          ],
          format: 'CSV',
          range: 'La période la plus longue proposée (exportez plusieurs périodes si besoin : les jours en commun sont fusionnés)',
          wait: 'Immédiat : votre navigateur télécharge le fichier.',
          drop: 'account_overview_analytics.csv et account_analytics_content_….csv',
        },
      ],
      note: "X ne propose Analytics qu'à certains comptes (X Premium). L'archive suffit pour commencer.",
    },
  },
  {
    platform: 'linkedin',
    via: 'files',
    en: {
      reads:
        'From the archive: your connections with the date of each, your posts and your profile. From creator analytics: impressions, members reached, engagements and new followers day by day (about the last 365 days).',
      sections: [
        {
          title: 'Get a copy of your data',
          steps: [
            'On linkedin.com, open Me → Settings & Privacy → Data privacy → Get a copy of your data.',
            'Choose Download larger data archive: only the complete archive has your posts.',
            'Press Request archive and confirm with your password.',
            'LinkedIn emails you twice: a first file after about 10 minutes, then the complete archive. Take the complete one.',
            'Drop the zip here as it is.',
          ],
          format: 'Nothing to choose (CSV files in a zip)',
          range: 'Nothing to choose: everything',
          wait: 'About 10 minutes for the first file, 24 to 48 hours for the complete archive. Its link works for 72 hours.',
          drop: 'Complete_LinkedInDataExport_<date>.zip',
        },
        {
          title: 'Creator analytics',
          steps: [
            'On your profile, open Analytics → Show all analytics.',
            'Open Post impressions (or Followers) and choose Past 365 days.',
            'Press Export.',
            'Drop the .xlsx file here.',
          ],
          format: 'XLSX (Excel), as LinkedIn gives it',
          range: 'Past 365 days',
          wait: 'Immediate: your browser downloads the file.',
          drop: 'Content_<start>_<end>_<your name>.xlsx',
        },
      ],
    },
    fr: {
      reads:
        "Depuis l'archive : vos relations avec la date de chacune, vos publications et votre profil. Depuis les statistiques de créateur : impressions, membres touchés, interactions et nouveaux abonnés jour par jour (environ les 365 derniers jours).",
      sections: [
        {
          title: 'Obtenir une copie de vos données',
          steps: [
            'Sur linkedin.com, ouvrez Vous → Préférences et confidentialité → Confidentialité des données → Obtenir une copie de vos données.',
            "Choisissez Télécharger une archive de données plus volumineuse : seule l'archive complète contient vos publications.",
            "Appuyez sur Demander l'archive et confirmez avec votre mot de passe.",
            "LinkedIn vous écrit deux fois : un premier fichier après une dizaine de minutes, puis l'archive complète. Prenez la complète.",
            'Déposez le zip ici tel quel.',
          ],
          format: 'Rien à choisir (des fichiers CSV dans un zip)',
          range: 'Rien à choisir : tout',
          wait: "Une dizaine de minutes pour le premier fichier, 24 à 48 heures pour l'archive complète. Son lien reste valable 72 heures.",
          drop: 'Complete_LinkedInDataExport_<date>.zip',
        },
        {
          title: 'Statistiques de créateur',
          steps: [
            'Sur votre profil, ouvrez Statistiques → Afficher toutes les statistiques.',
            'Ouvrez Impressions des posts (ou Abonnés) et choisissez les 365 derniers jours.',
            'Appuyez sur Exporter.',
            'Déposez le fichier .xlsx ici.',
          ],
          format: 'XLSX (Excel), tel que LinkedIn le donne',
          range: '365 derniers jours',
          wait: 'Immédiat : votre navigateur télécharge le fichier.',
          drop: 'Content_<début>_<fin>_<votre nom>.xlsx',
        },
      ],
    },
  },
  {
    platform: 'tiktok',
    via: 'files',
    en: {
      reads:
        'From Download your data: your followers with the date each followed, the accounts you follow, your videos with their likes, and your profile counts. From TikTok Studio: your follower total day by day, views, viewers and the numbers of your recent videos.',
      sections: [
        {
          title: 'Download your data',
          steps: [
            'In the TikTok app, open Profile → the ☰ menu → Settings and privacy → Account → Download your data.',
            'Choose All data and File format: JSON.',
            'Press Request data.',
            'When the file is ready, open the Download data tab of the same page and download it.',
            'Drop the zip here as it is.',
          ],
          format: 'JSON (TXT works too, but JSON holds more)',
          range: 'Nothing to choose: everything',
          wait: 'From a few hours to a few days. The file stays available for a few days only.',
          drop: 'The zip holding user_data_tiktok.json',
        },
        {
          title: 'TikTok Studio analytics',
          steps: [
            'Open TikTok Studio (on a computer: tiktok.com/tiktokstudio) → Analytics.',
            'Choose the longest window: 365 days.',
            'On each tab — Overview, Followers, Viewers, Content — press Download data: one zip per tab.',
            'Drop the zips here. The Followers one gives your follower total day by day, the best history TikTok offers.',
          ],
          format: 'CSV (in a zip per tab)',
          range: '365 days',
          wait: 'Immediate. The last two days are not in it yet.',
          drop: 'Overview_….zip, Followers_….zip, Viewers_….zip, Content_….zip',
        },
      ],
    },
    fr: {
      reads:
        "Depuis Télécharger vos données : vos abonnés avec la date de chacun, vos abonnements, vos vidéos avec leurs j'aime et les compteurs de votre profil. Depuis TikTok Studio : votre nombre d'abonnés jour par jour, les vues, les spectateurs et les chiffres de vos vidéos récentes.",
      sections: [
        {
          title: 'Télécharger vos données',
          steps: [
            "Dans l'application TikTok, ouvrez Profil → le menu ☰ → Paramètres et confidentialité → Compte → Télécharger vos données.",
            'Choisissez Toutes les données et Format de fichier : JSON.',
            'Appuyez sur Demander les données.',
            "Quand le fichier est prêt, ouvrez l'onglet Télécharger les données de la même page et téléchargez-le.",
            'Déposez le zip ici tel quel.',
          ],
          format: 'JSON (TXT fonctionne aussi, mais JSON en contient plus)',
          range: 'Rien à choisir : tout',
          wait: "De quelques heures à quelques jours. Le fichier ne reste disponible que quelques jours.",
          drop: 'Le zip qui contient user_data_tiktok.json',
        },
        {
          title: 'Statistiques TikTok Studio',
          steps: [
            'Ouvrez TikTok Studio (sur ordinateur : tiktok.com/tiktokstudio) → Statistiques.',
            'Choisissez la période la plus longue : 365 jours.',
            'Dans chaque onglet — Vue d’ensemble, Abonnés, Spectateurs, Contenu — appuyez sur Télécharger les données : un zip par onglet.',
            "Déposez les zips ici. Celui des abonnés donne votre nombre d'abonnés jour par jour, le meilleur historique que TikTok propose.",
          ],
          format: 'CSV (dans un zip par onglet)',
          range: '365 jours',
          wait: "Immédiat. Les deux derniers jours n'y sont pas encore.",
          drop: 'Overview_….zip, Followers_….zip, Viewers_….zip, Content_….zip',
        },
      ],
    },
  },
  {
    platform: 'youtube',
    via: 'files',
    en: {
      reads:
        'From YouTube Studio: views, watch time, subscribers and impressions per video, and your subscriber count day by day over the whole life of the channel. Google Takeout adds your channel and the list of your videos, without numbers.',
      sections: [
        {
          title: 'YouTube Studio, advanced mode',
          steps: [
            'In YouTube Studio, open Analytics → Advanced mode.',
            'Set the period (top right) to Lifetime.',
            'Add the metrics Views, Watch time, Subscribers, Impressions and Impressions click-through rate.',
            'Choose Subscribers as the metric of the chart: this gives the subscriber history.',
            'Press Export current view (the arrow) → Comma-separated values (.csv).',
            'Drop the zip here as it is.',
          ],
          format: 'Comma-separated values (.csv) — not Google Sheets',
          range: 'Lifetime',
          wait: 'Immediate: your browser downloads the file.',
          drop: 'The zip holding Table data.csv, Chart data.csv and Totals.csv',
        },
        {
          title: 'Google Takeout (optional)',
          steps: [
            'On takeout.google.com, press Deselect all, then tick YouTube and YouTube Music.',
            'In All YouTube data included, keep channels and video metadata; leave out videos to keep the file small.',
            'Press Next step, then Create export.',
            'Drop the zip Google sends you here as it is.',
          ],
          format: 'Keep the formats Takeout proposes (CSV and JSON)',
          range: 'Nothing to choose: everything',
          wait: 'From a few minutes to a few days; Google sends an email.',
          drop: 'takeout-<date>-….zip',
        },
      ],
      note: 'The Studio table only exports the rows it has loaded (about 500): with many videos, scroll to the end of the table before exporting.',
    },
    fr: {
      reads:
        "Depuis YouTube Studio : vues, durée de visionnage, abonnés et impressions par vidéo, et votre nombre d'abonnés jour par jour sur toute la vie de la chaîne. Google Takeout ajoute votre chaîne et la liste de vos vidéos, sans chiffres.",
      sections: [
        {
          title: 'YouTube Studio, mode avancé',
          steps: [
            'Dans YouTube Studio, ouvrez Statistiques → Mode avancé.',
            'Réglez la période (en haut à droite) sur toute la durée de la chaîne (« Lifetime » en anglais).',
            "Ajoutez les métriques Vues, Durée de visionnage, Abonnés, Impressions et Taux de clics de l'impression.",
            "Choisissez Abonnés comme métrique du graphique : c'est ce qui donne l'historique des abonnés.",
            'Appuyez sur Exporter la vue actuelle (la flèche) → Valeurs séparées par une virgule (.csv).',
            'Déposez le zip ici tel quel.',
          ],
          format: 'Valeurs séparées par une virgule (.csv), pas Google Sheets',
          range: 'Toute la durée de la chaîne',
          wait: 'Immédiat : votre navigateur télécharge le fichier.',
          drop: 'Le zip qui contient Table data.csv, Chart data.csv et Totals.csv',
        },
        {
          title: 'Google Takeout (facultatif)',
          steps: [
            'Sur takeout.google.com, appuyez sur Tout désélectionner, puis cochez YouTube et YouTube Music.',
            'Dans Toutes les données YouTube incluses, gardez les chaînes et les métadonnées des vidéos ; laissez de côté les vidéos pour un fichier léger.',
            "Appuyez sur Étape suivante, puis Créer une exportation.",
            'Déposez ici tel quel le zip que Google vous envoie.',
          ],
          format: 'Gardez les formats proposés par Takeout (CSV et JSON)',
          range: 'Rien à choisir : tout',
          wait: 'De quelques minutes à quelques jours ; Google envoie un e-mail.',
          drop: 'takeout-<date>-….zip',
        },
      ],
      note: "Le tableau de Studio n'exporte que les lignes chargées (environ 500) : avec beaucoup de vidéos, faites défiler le tableau jusqu'au bout avant d'exporter.",
    },
  },
  {
    platform: 'mastodon',
    via: 'both',
    en: {
      reads:
        'From your archive: your posts and boosts, with the likes and boosts each post had (servers on Mastodon 4.3 or later), your profile and the accounts you follow. The archive has no follower count: the live sync asks your server for it.',
      sections: [
        {
          title: 'Request your archive',
          steps: [
            "On your server's website, open Preferences → Import and export → Data export.",
            'Press Request your archive (possible once every 7 days).',
            'When the server emails you, come back to the same page and download the archive.',
            'On the same page, also download the Follows list (CSV).',
            'Drop the archive and the CSV here as they are.',
          ],
          format: 'Nothing to choose (JSON in a zip, or .tar.gz on older servers)',
          range: 'Nothing to choose: everything',
          wait: 'From a few minutes to a few hours, depending on the server.',
          drop: 'archive-<date>-<code>.zip (or .tar.gz) and following_accounts.csv',
        },
        {
          title: 'Live sync',
          steps: [
            'On this page, under Live accounts, choose Mastodon and type your full address (for example @name@mastodon.social), then press Add and take a first snapshot.',
            'It takes a new snapshot once a day while it is open, and whenever you press Sync now: your server’s public counts and your recent posts with their numbers.',
            'Each snapshot keeps a dated count: over the weeks, that is your follower history.',
          ],
          format: 'Nothing to download',
          range: 'Your recent posts and today’s counts; the history grows with each snapshot',
          wait: 'A few seconds',
          drop: 'Nothing: only your address',
        },
      ],
    },
    fr: {
      reads:
        "Depuis votre archive : vos publications et partages, avec les favoris et partages de chaque publication (serveurs en Mastodon 4.3 ou plus récent), votre profil et vos abonnements. L'archive ne donne pas le nombre d'abonnés : la synchronisation en direct le demande à votre serveur.",
      sections: [
        {
          title: 'Demander votre archive',
          steps: [
            'Sur le site de votre serveur, ouvrez Préférences → Import et export → Export de données.',
            'Appuyez sur Demander votre archive (possible une fois tous les 7 jours).',
            "Quand le serveur vous écrit, revenez sur la même page et téléchargez l'archive.",
            'Sur la même page, téléchargez aussi la liste de vos abonnements (CSV).',
            "Déposez l'archive et le CSV ici tels quels.",
          ],
          format: 'Rien à choisir (du JSON dans un zip, ou un .tar.gz sur les anciens serveurs)',
          range: 'Rien à choisir : tout',
          wait: 'De quelques minutes à quelques heures selon le serveur.',
          drop: 'archive-<date>-<code>.zip (ou .tar.gz) et following_accounts.csv',
        },
        {
          title: 'Synchronisation en direct',
          steps: [
            'Sur cette page, sous Comptes en direct, choisissez Mastodon et tapez votre adresse complète (par exemple @nom@mastodon.social), puis appuyez sur Ajouter et prendre un premier relevé.',
            "Il en prend un nouveau une fois par jour tant qu'il est ouvert, et chaque fois que vous appuyez sur Relever maintenant : les compteurs publics de votre serveur et vos publications récentes avec leurs chiffres.",
            "Chaque relevé garde un compte daté : au fil des semaines, c'est l'historique de vos abonnés.",
          ],
          format: 'Rien à télécharger',
          range: "Vos publications récentes et les compteurs du jour ; l'historique grandit à chaque relevé",
          wait: 'Quelques secondes',
          drop: 'Rien : seulement votre adresse',
        },
      ],
    },
  },
  {
    platform: 'bluesky',
    via: 'live',
    en: {
      reads:
        'Bluesky has no analytics export. Resonance follows a Bluesky account live: it asks Bluesky’s public service for your follower count and for the likes, reposts, replies and quotes of your posts.',
      sections: [
        {
          title: 'Live sync',
          steps: [
            'Nothing to download: you only need your handle (for example name.bsky.social).',
            'On this page, under Live accounts, choose Bluesky and type that handle, then press Add and take a first snapshot.',
            'It takes a new snapshot once a day while it is open, and whenever you press Sync now. Each snapshot keeps a dated count: over the weeks, that is your follower history.',
          ],
          format: 'Nothing to download',
          range: 'Your recent posts and today’s counts; the history grows with each snapshot',
          wait: 'A few seconds',
          drop: 'Nothing: only your handle',
        },
      ],
      note: 'The “Export my data” file of the Bluesky app (a CAR repository) holds your posts but no counts: Resonance does not read it.',
    },
    fr: {
      reads:
        "Bluesky ne propose pas d'export de statistiques. Resonance suit un compte Bluesky en direct : il demande au service public de Bluesky votre nombre d'abonnés et les j'aime, reposts, réponses et citations de vos publications.",
      sections: [
        {
          title: 'Synchronisation en direct',
          steps: [
            'Rien à télécharger : il suffit de votre identifiant (par exemple nom.bsky.social).',
            'Sur cette page, sous Comptes en direct, choisissez Bluesky et tapez cet identifiant, puis appuyez sur Ajouter et prendre un premier relevé.',
            "Il en prend un nouveau une fois par jour tant qu'il est ouvert, et chaque fois que vous appuyez sur Relever maintenant. Chaque relevé garde un compte daté : au fil des semaines, c'est l'historique de vos abonnés.",
          ],
          format: 'Rien à télécharger',
          range: "Vos publications récentes et les compteurs du jour ; l'historique grandit à chaque relevé",
          wait: 'Quelques secondes',
          drop: 'Rien : seulement votre identifiant',
        },
      ],
      note: "Le fichier « Exporter mes données » de l'application Bluesky (un dépôt CAR) contient vos publications mais aucun compteur : Resonance ne le lit pas.",
    },
  },
];

export function guideFor(platform: GuidePlatform): GuideEntry {
  const g = GUIDE.find((e) => e.platform === platform);
  if (!g) throw new Error(`no guide for ${platform}`);
  return g;
}

export function guideText(entry: GuideEntry, lang: Lang): GuideText {
  return entry[lang];
}
