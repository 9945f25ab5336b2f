/**
 * The published keyword catalogue: the five domains of the Gossip Handshake paper and their router
 * keyword lists, verbatim (as data). The catalogue is what lets a router name the domain of a
 * question even when no local adapter serves it ("demand"). Owns only data; must not know how
 * matching works (see keyword-index.ts) or who serves which domain.
 */

/** One catalogue entry: a stable domain id, a human label and its router keywords. */
export interface DomainKeywords {
  readonly id: string;
  readonly label: string;
  readonly keywords: readonly string[];
}

export const DEFAULT_DOMAINS: readonly DomainKeywords[] = Object.freeze([
  {
    id: 'agronomy',
    label: 'agronomy',
    keywords: Object.freeze([
      'crop', 'pest', 'neem', 'locust', 'millet', 'cassava', 'maize', 'sorghum', 'fungus', 'blight',
      'fertilizer', 'seed', 'harvest', 'agronomy', 'plant', 'leaf', 'root', 'compost', 'mulch', 'frass',
      'uv', 'weevil', 'aphid', 'mycotoxin', 'aflatoxin', 'armyworm', 'stemborer', 'desmodium', 'rotation',
    ]),
  },
  {
    id: 'veterinary',
    label: 'veterinary',
    keywords: Object.freeze([
      'cattle', 'livestock', 'vaccine', 'newcastle', 'selenium', 'brahman', 'veterinary', 'vet', 'poultry',
      'goat', 'sheep', 'animal', 'disease', 'mastitis', 'tick', 'deworm', 'mineral', 'limpopo',
      'trypanosomiasis', 'foot', 'mouth', 'lumpy', 'skin', 'rinderpest', 'anthrax', 'brucellosis',
      'eye-drop', 'thermotolerant', 'herd', 'flock',
    ]),
  },
  {
    id: 'irrigation',
    label: 'irrigation',
    keywords: Object.freeze([
      'irrigation', 'drip', 'emitter', 'sprinkler', 'pivot', 'tensiometer', 'salinity', 'fertigation', 'pump',
      'solar pv', 'sand dam', 'rainwater', 'waterlogged', 'drainage', 'leaching', 'ec', 'sar',
      'frost protection', 'micro-sprinkler', 'mainline', 'subsurface', 'hydraulic', 'water table', 'canal',
      'conveyance', 'borehole', 'wellpoint',
    ]),
  },
  {
    id: 'soil',
    label: 'soil science',
    keywords: Object.freeze([
      'soil', 'horizon', 'profile', 'catena', 'vertisol', 'ferralsol', 'nitisol', 'andosol', 'acrisol',
      'oxisol', 'leptosol', 'gleysol', 'plinthite', 'pedology', 'cec', 'base saturation', 'bulk density',
      'aggregate stability', 'organic carbon', 'soc', 'phosphorus fixation', 'lime requirement',
      'exchangeable', 'penetrometer', 'compaction', 'texture', 'hydrometer', 'munsell',
    ]),
  },
  {
    id: 'aquaculture',
    label: 'aquaculture',
    keywords: Object.freeze([
      'fish', 'tilapia', 'catfish', 'aquaculture', 'pond', 'fingerling', 'hatchery', 'stocking',
      'feed conversion', 'dissolved oxygen', 'cage culture', 'polyculture', 'broodstock', 'fry', 'aeration',
      'recirculating', 'biofilter', 'hapa', 'seaweed', 'shrimp', 'prawn', 'smoking kiln', 'oyster',
      'duckweed', 'swim-up',
    ]),
  },
].map((d) => Object.freeze(d)));
