import { defineMessages, format } from '../../i18n/i18n.js';
import type { Problem, ProblemKey } from './program-form-checks.js';

/** What each problem of program-form-checks.ts says next to its field. */
export const problemMessages = defineMessages<ProblemKey>({
  en: {
    required: 'Required.',
    wholeNumber: 'Enter a whole number.',
    number: 'Enter a number.',
    range: 'Enter a number from {min} to {max}.',
    moreThan: 'Enter a number more than {min}.',
    atLeast: 'Enter a number of at least {min}.',
    decimals: 'Use at most {decimals} decimals.',
    length: 'Use {min} to {max} characters.',
    keyFormat: 'Use 1 to 64 lowercase letters, digits, _ or -.',
    duplicateKey: 'Another activity already has this key.',
    nameNeeded: 'Give the reward a name in at least one language.',
    variantId: 'Enter the numeric id of a product variant.',
    date: 'Enter a date.',
    endsBeforeStart: 'The end must be after the start.',
  },
  es: {
    required: 'Obligatorio.',
    wholeNumber: 'Introduce un número entero.',
    number: 'Introduce un número.',
    range: 'Introduce un número entre {min} y {max}.',
    moreThan: 'Introduce un número mayor que {min}.',
    atLeast: 'Introduce un número de al menos {min}.',
    decimals: 'Usa como máximo {decimals} decimales.',
    length: 'Usa entre {min} y {max} caracteres.',
    keyFormat: 'Usa de 1 a 64 letras minúsculas, dígitos, _ o -.',
    duplicateKey: 'Otra actividad ya tiene esta clave.',
    nameNeeded: 'Da a la recompensa un nombre en al menos un idioma.',
    variantId: 'Introduce el id numérico de una variante de producto.',
    date: 'Introduce una fecha.',
    endsBeforeStart: 'El final debe ser posterior al inicio.',
  },
  fr: {
    required: 'Obligatoire.',
    wholeNumber: 'Saisissez un nombre entier.',
    number: 'Saisissez un nombre.',
    range: 'Saisissez un nombre entre {min} et {max}.',
    moreThan: 'Saisissez un nombre supérieur à {min}.',
    atLeast: 'Saisissez un nombre d’au moins {min}.',
    decimals: 'Utilisez au plus {decimals} décimales.',
    length: 'Utilisez de {min} à {max} caractères.',
    keyFormat: 'Utilisez de 1 à 64 lettres minuscules, chiffres, _ ou -.',
    duplicateKey: 'Une autre activité a déjà cette clé.',
    nameNeeded: 'Donnez un nom à la récompense dans au moins une langue.',
    variantId: 'Saisissez l’identifiant numérique d’une variante de produit.',
    date: 'Saisissez une date.',
    endsBeforeStart: 'La fin doit être postérieure au début.',
  },
});

/** A problem as the merchant reads it; numbers in the placeholders in the merchant's own notation. */
export function describeProblem(problem: Problem, messages: Record<ProblemKey, string>, number: (value: number) => string): string {
  const values = Object.fromEntries(Object.entries(problem.values ?? {}).map(([name, value]) => [name, name === 'decimals' ? String(value) : number(value)]));
  return format(messages[problem.key], values);
}
