import { formatText, Locale, LocalizedText } from '@app/core';
import { InfeasibilityReason, InfeasibleJudge } from './assignment.types';

/**
 * What each reason means, for the Commission's pre-launch review. Placeholders: {group},
 * {eligible}, {needed}, and for `capacity` {maxLoad} and {bottleneck}.
 */
export const INFEASIBILITY_TEXT: Record<InfeasibilityReason, LocalizedText> = {
  'too-few-eligible-peers': {
    kk: '«{group}» тобы тым шағын: судьяны бағалай алатын әріптестер саны — {eligible}, ал кемінде {needed} рецензент қажет. Кеңірек ережені таңдаңыз немесе судьяны раундтан шығарыңыз',
    ru: 'Группа «{group}» слишком мала: оценить судью могут {eligible} коллег, а нужно не менее {needed} рецензентов. Выберите более широкое правило или исключите судью из раунда',
    en: 'The group "{group}" is too small: {eligible} colleagues may review this judge and at least {needed} reviewers are needed. Choose a wider rule or leave the judge out of the round',
  },
  'president-conflicts': {
    kk: 'Сот төрағасы мен сол соттың судьялары бір-бірін бағаламайды, сондықтан «{group}» тобында судьяны тек {eligible} әріптес бағалай алады, ал кемінде {needed} рецензент қажет',
    ru: 'Председатель суда и судьи того же суда не оценивают друг друга, поэтому в группе «{group}» оценить судью могут только {eligible} коллег, а нужно не менее {needed} рецензентов',
    en: 'A court president and the judges of the same court do not review each other, so only {eligible} colleagues in the group "{group}" may review this judge and at least {needed} reviewers are needed',
  },
  capacity: {
    kk: 'Бір рецензентке {maxLoad} рецензиядан артық жүктелмегенде, «{group}» тобындағы осы {bottleneck} судьяның әрқайсысына {needed} рецензенттен тағайындау мүмкін емес: оларды бағалай алатын рецензенттердің жүктемесі жетпейді',
    ru: 'Если на одного рецензента приходится не более {maxLoad} рецензий, то всем этим {bottleneck} судьям группы «{group}» нельзя одновременно дать по {needed} рецензентов: у тех, кто может их оценить, не хватает нагрузки',
    en: 'With at most {maxLoad} reviews per reviewer, these {bottleneck} judges of the group "{group}" cannot all get {needed} reviewers: those who may review them have too little capacity',
  },
};

/** The reason of one reported judge, in the given language. */
export function describeInfeasibility(entry: InfeasibleJudge, locale: Locale): string {
  return formatText(INFEASIBILITY_TEXT[entry.reason][locale], {
    group: entry.group,
    eligible: entry.eligibleReviewers,
    needed: entry.needed,
    maxLoad: entry.capacity?.maxLoad ?? '',
    bottleneck: entry.capacity?.bottleneckJudges ?? '',
  });
}
