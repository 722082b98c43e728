// Messages of the Growth view.
import type { Catalog } from '../../lib/i18n/index.svelte';

const en = {
  title: 'Growth',
  lede: 'How many people follow the account, how fast that changes, and where it is heading.',
  loading: 'Computing the growth…',
  error: 'The growth could not be computed',
  retry: 'Try again',
  'empty.title': 'No accounts yet',
  'empty.body': 'Import an export first: the growth of its followers will appear here.',
  'empty.action': 'Import an export',
  'figures.label': 'Followers and their change',
  'figures.now': 'Followers now',
  'figures.as_of': 'as of {date}',
  'figures.unknown': 'unknown',
  'figures.no_count': 'No export gave a follower count yet.',
  'figures.days': 'Last {days} days',
  'figures.per_day': '{n} a day',
  'figures.none': 'Not enough history',
  'figures.none_hint': 'The follower history does not reach back {days} days.',
  'figures.lower_bound': 'At most',
  'figures.lower_bound_hint': 'The starting count was rebuilt from follow dates: a lower bound, so the real growth may be smaller.',
  'figures.data_end': 'The data ends on {date} ({days} days ago).',
  'chart.growth': 'Followers over time',
  'chart.growth_all': 'Followers over time, all accounts',
  'chart.growth_caption': 'The follower count on each day a source covers. Flagged days are marked; open Authenticity to see why.',
  'toggle.log': 'Log scale',
  'toggle.log_hint': 'Equal steps are equal percentages: a small and a large account grow at comparable slopes.',
  'toggle.all': 'Compare with all accounts',
  'chart.gains': 'Daily follower changes',
  'chart.gains_caption':
    'Each bar is one day. The shaded band is the expected range, computed from the 28 days before with the weekly rhythm; bars far outside it are flagged, in green when posts, reach, a note or a platform event explain them and in red when nothing does.',
  'outlook.title': 'Outlook',
  'outlook.speeding': 'Speeding up',
  'outlook.slowing': 'Slowing down',
  'outlook.steady': 'Steady',
  'outlook.sentence': '{now} followers a day over the last 30 days, against {before} a day over the same 30 days three months earlier ({change}).',
  'outlook.sentence_nochange': '{now} followers a day over the last 30 days, against {before} a day over the same 30 days three months earlier.',
  'outlook.rule': 'Speeding up or slowing down means a change of more than 25%. Flagged days are left out.',
  'outlook.none': 'Not enough daily history for a trend: it needs 20 known days in each of the two windows.',
  'chart.forecast': 'Followers in 90 days',
  'forecast.sentence':
    'If the recent pace holds, about {expected} followers on {date}. The darker band holds the count with 80% probability ({low80} to {high80}), the lighter one with 95% ({low95} to {high95}).',
  'forecast.band':
    'The line continues the average daily gain of the last {days} days, flagged days removed. The band widens with time because each day adds its own noise and the pace itself is only estimated. It is not a promise: a post, a purge or a change of habit moves it.',
  'forecast.none': 'Not enough daily history to forecast: it needs at least 30 days of known changes.',
};

export type Key = keyof typeof en;

export const messages = {
  en,
  fr: {
    title: 'Croissance',
    lede: "Combien de personnes suivent le compte, à quelle vitesse cela change, et vers quoi cela va.",
    loading: 'Calcul de la croissance…',
    error: "La croissance n'a pas pu être calculée",
    retry: 'Réessayer',
    'empty.title': 'Aucun compte pour le moment',
    'empty.body': "Importez d'abord un export : la croissance de ses abonnés apparaîtra ici.",
    'empty.action': 'Importer un export',
    'figures.label': 'Abonnés et leur évolution',
    'figures.now': 'Abonnés aujourd’hui',
    'figures.as_of': 'au {date}',
    'figures.unknown': 'inconnu',
    'figures.no_count': "Aucun export n'a encore donné de nombre d'abonnés.",
    'figures.days': '{days} derniers jours',
    'figures.per_day': '{n} par jour',
    'figures.none': "Pas assez d'historique",
    'figures.none_hint': "L'historique des abonnés ne remonte pas à {days} jours.",
    'figures.lower_bound': 'Au plus',
    'figures.lower_bound_hint':
      'Le nombre de départ a été reconstitué à partir des dates d’abonnement : c’est un minimum, la croissance réelle peut donc être plus faible.',
    'figures.data_end': 'Les données s’arrêtent le {date} (il y a {days} jours).',
    'chart.growth': 'Abonnés dans le temps',
    'chart.growth_all': 'Abonnés dans le temps, tous les comptes',
    'chart.growth_caption':
      'Le nombre d’abonnés chaque jour couvert par une source. Les jours signalés sont marqués ; la vue Authenticité dit pourquoi.',
    'toggle.log': 'Échelle logarithmique',
    'toggle.log_hint': 'Des pas égaux sont des pourcentages égaux : un petit et un grand compte se comparent à pente égale.',
    'toggle.all': 'Comparer avec tous les comptes',
    'chart.gains': 'Variations quotidiennes des abonnés',
    'chart.gains_caption':
      'Chaque barre est un jour. La bande grisée est la plage attendue, calculée sur les 28 jours précédents avec le rythme de la semaine ; les barres très au-delà sont signalées, en vert quand des publications, la portée, une note ou un événement de la plateforme les expliquent, en rouge quand rien ne les explique.',
    'outlook.title': 'Tendance',
    'outlook.speeding': 'En accélération',
    'outlook.slowing': 'En ralentissement',
    'outlook.steady': 'Stable',
    'outlook.sentence':
      '{now} abonnés par jour sur les 30 derniers jours, contre {before} par jour sur les mêmes 30 jours trois mois plus tôt ({change}).',
    'outlook.sentence_nochange':
      '{now} abonnés par jour sur les 30 derniers jours, contre {before} par jour sur les mêmes 30 jours trois mois plus tôt.',
    'outlook.rule': 'Accélération ou ralentissement : un écart de plus de 25 %. Les jours signalés sont écartés.',
    'outlook.none': "Pas assez d'historique quotidien pour une tendance : il faut 20 jours connus dans chacune des deux fenêtres.",
    'chart.forecast': 'Abonnés dans 90 jours',
    'forecast.sentence':
      'Si le rythme récent se maintient, environ {expected} abonnés le {date}. La bande foncée contient le nombre avec 80 % de probabilité ({low80} à {high80}), la claire avec 95 % ({low95} à {high95}).',
    'forecast.band':
      'La ligne prolonge le gain quotidien moyen des {days} derniers jours, jours signalés écartés. La bande s’élargit avec le temps : chaque jour ajoute son propre aléa et le rythme lui-même n’est qu’estimé. Ce n’est pas une promesse : une publication, une purge ou un changement d’habitude la déplace.',
    'forecast.none': "Pas assez d'historique quotidien pour une prévision : il faut au moins 30 jours de variations connues.",
  },
} satisfies Catalog<Key>;
